import { theme } from "antd";
import { useMemo } from "react";

/** The colours and font charts draw with, taken from the antd theme so charts match the page. */
export interface ChartTheme {
  palette: string[];
  text: string;
  muted: string;
  line: string;
  background: string;
  fontFamily: string;
}

export const useChartTheme = (): ChartTheme => {
  const { token } = theme.useToken();
  return useMemo(
    () => ({
      palette: [
        token.colorPrimary,
        token.colorSuccess,
        token.colorWarning,
        token.colorError,
        token.purple,
        token.cyan,
        token.magenta,
        token.gold,
        token.lime,
        token.geekblue,
      ],
      text: token.colorText,
      muted: token.colorTextSecondary,
      line: token.colorBorderSecondary,
      background: token.colorBgContainer,
      fontFamily: token.fontFamily,
    }),
    [token],
  );
};
