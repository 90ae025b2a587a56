// Registers the AG Grid Community modules the plan grid uses, and only those (the initial bundle stays small).
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  ExternalFilterModule,
  HighlightChangesModule,
  LargeTextEditorModule,
  LocaleModule,
  NumberEditorModule,
  ModuleRegistry,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowDragModule,
  RowSelectionModule,
  ScrollApiModule,
  TextEditorModule,
  ValidationModule,
} from 'ag-grid-community';

let registered = false;

/** Registers the grid's modules once per page; in development also AG Grid's validation warnings. */
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    RowApiModule,
    RenderApiModule,
    ScrollApiModule,
    ColumnApiModule,
    RowSelectionModule,
    RowDragModule,
    RowAutoHeightModule,
    CellStyleModule,
    // getCellValue with the formatter: the text Ctrl+C copies (keys.ts).
    CellApiModule,
    // api.addEventListener: presence on editing (presenceCells.ts), widths and order kept (columnLayout.ts).
    EventApiModule,
    HighlightChangesModule,
    TextEditorModule,
    LargeTextEditorModule,
    NumberEditorModule,
    CustomEditorModule,
    QuickFilterModule,
    ExternalFilterModule,
    LocaleModule,
  ]);
  if (import.meta.env.DEV) ModuleRegistry.registerModules([ValidationModule]);
}
