package nl.mandaat.org.adapter.out.r2dbc;

import io.r2dbc.spi.Readable;
import nl.mandaat.core.AdministrativeBody;

record BodyRow(String code, String name, String fullName) {

  static BodyRow read(Readable row) {
    return new BodyRow(
        row.get("code", String.class),
        row.get("name", String.class),
        row.get("full_name", String.class));
  }

  AdministrativeBody toDomain() {
    return AdministrativeBody.of(code, name, fullName);
  }
}
