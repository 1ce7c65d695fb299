package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import nl.mandaat.core.Person;

record PersonRow(String username, String sub, String displayName) {

  static PersonRow read(Readable row) {
    return new PersonRow(
        row.get("username", String.class),
        row.get("sub", String.class),
        row.get("display_name", String.class));
  }

  Person toDomain() {
    return new Person(username, sub, displayName);
  }
}
