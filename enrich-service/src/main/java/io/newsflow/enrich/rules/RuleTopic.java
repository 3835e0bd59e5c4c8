package io.newsflow.enrich.rules;

import java.util.List;

/**
 * A topic a user defines by a boolean keyword query; articles that match get the topic {@code rule:<id>} with score
 * 1.0 next to their IPTC topics.
 *
 * @param id        stable id, lower-case letters, digits and dashes (derived from the label when not given)
 * @param label     what users see
 * @param query     the {@link RuleQuery} source
 * @param languages ISO 639-1 codes the rule is limited to; empty = every language
 */
public record RuleTopic(String id, String label, String query, List<String> languages) {
    public static final String CODE_PREFIX = "rule:";

    public RuleTopic {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public String code() {
        return CODE_PREFIX + id;
    }
}
