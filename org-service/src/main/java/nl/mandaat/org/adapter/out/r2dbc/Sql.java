package nl.mandaat.org.adapter.out.r2dbc;

import org.springframework.r2dbc.core.Parameter;

/** Binding of values that may be absent. */
final class Sql {

  private Sql() {}

  static <T> Parameter parameter(T value, Class<T> type) {
    return Parameter.fromOrEmpty(value, type);
  }

  /** Rows per multi-row insert: well under PostgreSQL's 65,535 parameters. */
  static final int BATCH = 500;

  /** {@code (:c0_0, :c1_0, ...), (:c0_1, ...)} for {@code rows} rows of {@code columns} values. */
  static String valuesList(int rows, int columns) {
    StringBuilder sql = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < columns; c++) {
        sql.append(c == 0 ? "" : ", ").append(":c").append(c).append('_').append(r);
      }
      sql.append(')');
    }
    return sql.toString();
  }

  static String name(int column, int row) {
    return "c" + column + "_" + row;
  }

  static <T> java.util.List<java.util.List<T>> batches(java.util.List<T> all) {
    java.util.List<java.util.List<T>> batches = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i += BATCH) {
      batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
    }
    return batches;
  }
}
