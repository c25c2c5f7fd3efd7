const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** C0 controls and DEL: never part of a name someone typed. */
export const hasControlCharacter = (text: string): boolean => [...text].some(isControl);

export const withoutControlCharacters = (text: string): string =>
  [...text].filter((char) => !isControl(char)).join("");
