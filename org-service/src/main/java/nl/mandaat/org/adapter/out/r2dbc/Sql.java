package nl.mandaat.org.adapter.out.r2dbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Binding of values that may be absent, and multi-row inserts. */
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

  /**
   * Inserts {@code rows} in multi-row statements of {@link #BATCH} rows: {@code insertInto} is the
   * statement up to {@code values}, {@code values} gives one row's values in column order (a {@link
   * Parameter} for a value that may be absent). Each statement binds all its values at once:
   * binding them one by one copies the growing binding map each time, quadratic in the batch.
   */
  static <T> Mono<Void> insertAll(
      DatabaseClient database, String insertInto, List<T> rows, Function<T, Object[]> values) {
    return Flux.fromIterable(batches(rows))
        .concatMap(
            batch -> {
              Map<String, Object> bindings = new HashMap<>();
              int columns = 0;
              for (int r = 0; r < batch.size(); r++) {
                Object[] row = values.apply(batch.get(r));
                columns = row.length;
                for (int c = 0; c < row.length; c++) {
                  bindings.put(name(c, r), row[c]);
                }
              }
              return database
                  .sql(insertInto + " values " + valuesList(batch.size(), columns))
                  .bindValues(bindings)
                  .then();
            })
        .then();
  }
}
