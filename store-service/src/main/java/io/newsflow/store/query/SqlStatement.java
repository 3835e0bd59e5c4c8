package io.newsflow.store.query;

import java.util.List;

/** SQL with {@code ?} placeholders and the values to bind, in order; values never enter the SQL text. */
public record SqlStatement(String sql, List<Object> parameters) {
    public SqlStatement {
        parameters = List.copyOf(parameters);
    }
}
