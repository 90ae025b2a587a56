// The grid's look through AG Grid's Theming API: Quartz with the app's font and calm, high-contrast colours.
import { themeQuartz } from 'ag-grid-community';

/** The plan grid's theme (no CSS theme files; chip colours live in grid.css). */
export const planTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  foregroundColor: '#1f2933',
  headerTextColor: '#1f2933',
  headerBackgroundColor: '#eef1f4',
  accentColor: '#1d5fa8',
  selectedRowBackgroundColor: '#dbe8f7',
  rowHoverColor: '#f3f6f9',
  borderColor: '#c9d1d9',
  wrapperBorderRadius: 4,
  cellHorizontalPadding: 10,
  rowDragIndicatorColor: '#1d5fa8',
  rowDragIndicatorWidth: 3,
});
