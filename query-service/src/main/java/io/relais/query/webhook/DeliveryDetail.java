package io.relais.query.webhook;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A delivery with the request body it sends.
 *
 * @param event the structured-mode CloudEvent, as sent on every attempt
 */
public record DeliveryDetail(DeliveryView delivery,
                             @JsonRawValue @Schema(type = "object", description = "The CloudEvent sent") String event) {
}
