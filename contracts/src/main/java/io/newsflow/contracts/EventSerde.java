package io.newsflow.contracts;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serdes for the events, using {@link EventJson}. A null value (tombstone) maps to null both ways. */
public final class EventSerde {

    private EventSerde() {
    }

    public static class JsonSerializer<T> implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            return data == null ? null : EventJson.toBytes(data);
        }
    }

    /** Throws {@link EventJson.InvalidEventException} on bad input; callers dead-letter it. */
    public abstract static class JsonDeserializer<T> implements Deserializer<T> {
        private final Class<T> type;

        protected JsonDeserializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public T deserialize(String topic, byte[] data) {
            return data == null ? null : EventJson.fromBytes(data, type);
        }
    }

    public static final class RawArticleDeserializer extends JsonDeserializer<RawArticle> {
        public RawArticleDeserializer() {
            super(RawArticle.class);
        }
    }

    public static final class EnrichedArticleDeserializer extends JsonDeserializer<EnrichedArticle> {
        public EnrichedArticleDeserializer() {
            super(EnrichedArticle.class);
        }
    }
}
