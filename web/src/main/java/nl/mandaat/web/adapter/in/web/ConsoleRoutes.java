package nl.mandaat.web.adapter.in.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the console page at {@code /console} too, the path the gateway routes here besides {@code
 * /} (where Boot's welcome page serves the same {@code index.html}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

  @Bean
  RouterFunction<ServerResponse> consolePage(@Value("classpath:/static/index.html") Resource page) {
    return RouterFunctions.route(
        GET("/console").or(GET("/console/")),
        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
  }
}
