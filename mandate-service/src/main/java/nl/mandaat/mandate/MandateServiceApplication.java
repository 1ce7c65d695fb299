package nl.mandaat.mandate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The decision-type catalogue, grants, revocations and register revisions. */
@SpringBootApplication
public class MandateServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(MandateServiceApplication.class, args);
  }
}
