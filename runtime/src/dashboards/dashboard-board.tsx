import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { Alert, App, Button, Space, Typography } from "antd";
import {
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  useCallback,
  useMemo,
  useRef,
  useState,
} from "react";
import { problemText } from "../record/problem-text.js";
import { type DashboardView, resetDashboardLayout, saveDashboardLayout } from "./dashboard-api.js";
import { useDashboardText } from "./dashboard-texts.js";
import { boxesOf, resizeWidget, rowsOf, type WidgetBox } from "./grid-layout.js";
import { ARROW_STEPS, applyDrag, boundDrag, type LayoutDrag, unitsOf } from "./layout-drag.js";
import { ReportWidget } from "./report-widget.js";
import { MoveHandle, ResizeHandle } from "./widget-handles.js";
import "./dashboard.css";

/** Height of one grid row and the gap between cells, in pixels (dashboard.css uses the same). */
const ROW_HEIGHT = 80;
const GAP = 16;

const cellStyle = (box: WidgetBox): CSSProperties =>
  ({ "--x": box.x + 1, "--y": box.y + 1, "--w": box.w, "--h": box.h }) as CSSProperties;

const parseId = (id: string | number): Pick<LayoutDrag, "name" | "mode"> => {
  const [mode, name = ""] = String(id).split(":");
  return { name, mode: mode === "resize" ? "resize" : "move" };
};

export interface DashboardBoardProps {
  view: DashboardView;
  /** The dashboard as the server answered a saved or reset layout. */
  onChange: (view: DashboardView) => void;
}

/**
 * A dashboard's widgets on its grid, and the editing of the user's own layout: widgets moved
 * to other cells and resized (what they land on is pushed down), then saved or reset.
 */
export const DashboardBoard = ({ view, onChange }: DashboardBoardProps) => {
  const t = useDashboardText();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<WidgetBox[]>();
  const [drag, setDragState] = useState<LayoutDrag>();
  const [busy, setBusy] = useState<"save" | "reset">();
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState("");
  const grid = useRef<HTMLDivElement>(null);
  const [titles, setTitles] = useState<Readonly<Record<string, string>>>({});
  const editing = draft !== undefined;
  const layout = useMemo(() => draft ?? boxesOf(view.widgets), [draft, view.widgets]);
  const shown = useMemo(
    () => (drag === undefined ? layout : applyDrag(layout, drag, view.columns)),
    [layout, drag, view.columns],
  );

  // dnd-kit calls back outside React's render: refs hold what those callbacks read.
  const current = useRef({ layout, drag, columns: view.columns, titles });
  current.current = { layout, drag, columns: view.columns, titles };
  // What the last drag left where: announced once dnd-kit reports the drop, after it is applied.
  const dropped = useRef<{ box: WidgetBox | undefined; mode: LayoutDrag["mode"] }>(undefined);
  const setDrag = useCallback((next: LayoutDrag | undefined) => {
    current.current.drag = next;
    setDragState(next);
  }, []);
  const titleOf = useCallback((name: string) => current.current.titles[name] ?? name, []);
  const onTitle = useCallback(
    (name: string, title: string) =>
      setTitles((known) => (known[name] === title ? known : { ...known, [name]: title })),
    [],
  );
  const targetOf = useCallback((): WidgetBox | undefined => {
    const { layout: now, drag: moving, columns } = current.current;
    return moving === undefined
      ? undefined
      : applyDrag(now, moving, columns).find((w) => w.name === moving.name);
  }, []);

  const pitch = useCallback(() => {
    const width = grid.current?.getBoundingClientRect().width ?? 0;
    return { x: (width + GAP) / current.current.columns, y: ROW_HEIGHT + GAP };
  }, []);

  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, { currentCoordinates }) => {
      const { layout: now, drag: moving, columns } = current.current;
      const step = ARROW_STEPS[event.code];
      if (moving === undefined || step === undefined || event.shiftKey) return undefined;
      event.preventDefault();
      setDrag(boundDrag(now, { ...moving, dx: moving.dx + step.x, dy: moving.dy + step.y }, columns));
      const size = pitch();
      return { x: currentCoordinates.x + step.x * size.x, y: currentCoordinates.y + step.y * size.y };
    },
    [pitch, setDrag],
  );
  const sensors = useSensors(
    // A click on a handle is not a drag: only a pointer that travels a few pixels picks up.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const announce = useCallback(
    (
      key: "dashboard.pickedUp" | "dashboard.movedTo" | "dashboard.dropped",
      box: WidgetBox | undefined,
      mode: LayoutDrag["mode"] | undefined,
    ) => {
      if (box === undefined) return undefined;
      const title = titleOf(box.name);
      return mode === "resize"
        ? t("dashboard.resized", { title, w: box.w, h: box.h })
        : t(key, { title, x: box.x + 1, y: box.y + 1 });
    },
    [t, titleOf],
  );
  const announcements: Announcements = {
    onDragStart: () =>
      current.current.drag?.mode === "move" ? announce("dashboard.pickedUp", targetOf(), "move") : undefined,
    onDragMove: () =>
      current.current.drag?.keyboard ? announce("dashboard.movedTo", targetOf(), "move") : undefined,
    onDragOver: () => undefined,
    onDragEnd: () => announce("dashboard.dropped", dropped.current?.box, dropped.current?.mode),
    onDragCancel: ({ active }) => t("dashboard.cancelled", { title: titleOf(parseId(active.id).name) }),
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) =>
    setDrag({ ...parseId(active.id), keyboard: activatorEvent instanceof KeyboardEvent, dx: 0, dy: 0 });
  const onDragMove = ({ delta }: DragMoveEvent) => {
    const { layout: now, drag: moving, columns } = current.current;
    if (moving === undefined || moving.keyboard) return;
    const size = pitch();
    const next = boundDrag(
      now,
      { ...moving, dx: unitsOf(delta.x, size.x), dy: unitsOf(delta.y, size.y) },
      columns,
    );
    if (next.dx !== moving.dx || next.dy !== moving.dy) setDrag(next);
  };
  const onDragEnd = (_event: DragEndEvent) => {
    const { layout: now, drag: moving, columns } = current.current;
    if (moving !== undefined) {
      const next = applyDrag(now, moving, columns);
      dropped.current = { box: next.find((w) => w.name === moving.name), mode: moving.mode };
      setDraft(next);
    }
    setDrag(undefined);
  };

  const onResizeKey = (name: string) => (event: ReactKeyboardEvent<HTMLElement>) => {
    const step = ARROW_STEPS[event.key];
    const box = layout.find((w) => w.name === name);
    if (!event.shiftKey || step === undefined || box === undefined || current.current.drag !== undefined)
      return false;
    event.preventDefault();
    const next = resizeWidget(layout, name, { w: box.w + step.x, h: box.h + step.y }, view.columns);
    const resized = next.find((w) => w.name === name) ?? box;
    setDraft(next);
    setStatus(t("dashboard.resized", { title: titleOf(name), w: resized.w, h: resized.h }));
    return true;
  };

  const finish = async (action: "save" | "reset") => {
    setBusy(action);
    setProblem(undefined);
    try {
      const next =
        action === "save"
          ? await saveDashboardLayout(view.name, layout)
          : await resetDashboardLayout(view.name);
      setDraft(undefined);
      onChange(next);
      void message.success(t(action === "save" ? "dashboard.saved" : "dashboard.resetDone"));
    } catch (error) {
      setProblem(problemText(error, t(action === "save" ? "dashboard.saveFailed" : "dashboard.resetFailed")));
    } finally {
      setBusy(undefined);
    }
  };

  const toolbar: ReactNode = editing ? (
    <Space wrap>
      <Button
        type="primary"
        loading={busy === "save"}
        disabled={busy !== undefined}
        onClick={() => void finish("save")}
      >
        {t("dashboard.save")}
      </Button>
      <Button
        disabled={busy !== undefined}
        onClick={() => {
          setDraft(undefined);
          setProblem(undefined);
        }}
      >
        {t("dashboard.cancel")}
      </Button>
      {view.personalLayout && (
        <Button
          danger
          loading={busy === "reset"}
          disabled={busy !== undefined}
          onClick={() => void finish("reset")}
        >
          {t("dashboard.reset")}
        </Button>
      )}
    </Space>
  ) : (
    <Button onClick={() => setDraft(boxesOf(view.widgets))}>{t("dashboard.edit")}</Button>
  );

  return (
    <div className="dashboard-board">
      <div className="dashboard-toolbar">{toolbar}</div>
      {editing && <Typography.Paragraph type="secondary">{t("dashboard.editHelp")}</Typography.Paragraph>}
      {problem !== undefined && <Alert type="error" showIcon title={problem} className="dashboard-problem" />}
      <div className="visually-hidden" aria-live="polite">
        {status}
      </div>
      <DndContext
        sensors={sensors}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t("dashboard.instructions") },
        }}
        onDragStart={onDragStart}
        onDragMove={onDragMove}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDrag(undefined)}
      >
        <div
          ref={grid}
          className={`dashboard-grid${editing ? " dashboard-grid-editing" : ""}`}
          style={
            {
              "--columns": view.columns,
              "--rows": rowsOf(shown) + (editing ? 2 : 0),
              "--row-height": `${ROW_HEIGHT}px`,
              "--gap": `${GAP}px`,
            } as CSSProperties
          }
        >
          {view.widgets.map((widget) => {
            const box = shown.find((b) => b.name === widget.name) ?? widget;
            const moving = drag?.name === widget.name;
            const handle = {
              name: widget.name,
              title: titleOf(widget.name),
              onResizeKey: onResizeKey(widget.name),
            };
            return (
              <div
                key={widget.name}
                className={`dashboard-cell${moving ? " dashboard-cell-moving" : ""}`}
                style={cellStyle(box)}
                data-cell={widget.name}
                data-x={box.x}
                data-y={box.y}
                data-w={box.w}
                data-h={box.h}
              >
                <ReportWidget
                  widget={widget}
                  editing={editing}
                  onTitle={onTitle}
                  actions={editing && <MoveHandle {...handle} />}
                />
                {editing && <ResizeHandle {...handle} />}
              </div>
            );
          })}
        </div>
      </DndContext>
    </div>
  );
};
