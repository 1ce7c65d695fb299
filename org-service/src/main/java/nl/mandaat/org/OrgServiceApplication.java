package nl.mandaat.org;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Bodies, units, positions, persons, assignments and substitutions, all effective-dated. */
@SpringBootApplication
public class OrgServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrgServiceApplication.class, args);
  }
}
