package nl.mandaat.decision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Decision requests, routing, co-signs, and decisions with their chain. */
@SpringBootApplication
public class DecisionServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(DecisionServiceApplication.class, args);
  }
}
