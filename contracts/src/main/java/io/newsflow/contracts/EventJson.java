package io.newsflow.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The one JSON mapping of Newsflow events: ISO-8601 timestamps, nulls omitted, unknown properties tolerated so a
 * consumer keeps working when a producer adds an optional field within the same schema version.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = newMapper();

    private EventJson() {
    }

    /** A new mapper configured like the one the serdes use, for callers that need their own instance. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads an event, failing with {@link InvalidEventException} when the bytes are not JSON of that type or carry a
     * schema version this code does not know.
     */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        int expected = type == RawArticle.class ? RawArticle.SCHEMA_VERSION
                : type == EnrichedArticle.class ? EnrichedArticle.SCHEMA_VERSION : -1;
        T event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            // Another version may have another shape, so its mapping error would hide the real reason: say that first.
            throw new InvalidEventException(versionProblem(json, type, expected)
                    .orElse("Not a valid " + type.getSimpleName() + ": " + e.getMessage()), e);
        }
        int version = switch (event) {
            case RawArticle raw -> raw.schemaVersion();
            case EnrichedArticle enriched -> enriched.schemaVersion();
            default -> -1;
        };
        if (version != expected) {
            throw new InvalidEventException(unknownVersion(String.valueOf(version), type, expected), null);
        }
        return event;
    }

    /** Only on the error path: why the message is not this version of the event, if the version is what is wrong. */
    private static Optional<String> versionProblem(byte[] json, Class<?> type, int expected) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            return Optional.empty();
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || version.isNull()) {
            return Optional.of("Not a valid " + type.getSimpleName() + ": no schemaVersion field");
        }
        if (!version.isInt() || version.intValue() != expected) {
            return Optional.of(unknownVersion(version.toString(), type, expected));
        }
        return Optional.empty();
    }

    private static String unknownVersion(String version, Class<?> type, int expected) {
        return "Unknown schemaVersion " + version + " for " + type.getSimpleName() + " (this consumer reads " + expected + ")";
    }

    /** A message that cannot be read as the expected event; not retriable, it belongs in a dead-letter topic. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
