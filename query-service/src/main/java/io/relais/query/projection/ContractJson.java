package io.relais.query.projection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads (and, for what a projection stores as JSON, writes) the JSON of the event contract: ISO-8601 instants
 * and dates, field names as in the contract's records.
 *
 * <p>Its own mapper, not the web layer's, so that tuning the REST JSON never changes how topics are read.
 * Unknown fields are ignored: a producer may add a field to a v1 event without breaking this reader.
 */
public final class ContractJson {

    private ContractJson() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
