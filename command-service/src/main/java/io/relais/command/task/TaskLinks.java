package io.relais.command.task;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where clients read what they wrote: the query service's public base URL. */
@ConfigurationProperties("relais.links")
record TaskLinks(URI queryServiceUrl) {
}
