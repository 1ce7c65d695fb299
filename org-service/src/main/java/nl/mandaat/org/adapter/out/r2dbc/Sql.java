package nl.mandaat.org.adapter.out.r2dbc;

import org.springframework.r2dbc.core.Parameter;

/** Binding of values that may be absent. */
final class Sql {

  private Sql() {}

  static <T> Parameter parameter(T value, Class<T> type) {
    return Parameter.fromOrEmpty(value, type);
  }
}
