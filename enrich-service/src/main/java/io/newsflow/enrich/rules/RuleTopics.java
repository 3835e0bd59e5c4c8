package io.newsflow.enrich.rules;

import io.newsflow.contracts.EnrichedArticle.Topic;
import io.newsflow.contracts.text.Token;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The current rule topics, compiled; replaced as a whole when a user adds or removes one, so a running enrichment
 * sees either the old or the new set. Thread-safe.
 */
public final class RuleTopics {

    private static final Logger LOG = Logger.getLogger(RuleTopics.class);
    private static final Set<String> NORWEGIAN = Set.of("nb", "nn", "no");

    private record Compiled(RuleTopic rule, RuleQuery query) {
    }

    private volatile List<Compiled> rules = List.of();

    /** Compiles every rule; one that no longer compiles (written by an older version) is skipped with a warning. */
    public void replace(Collection<RuleTopic> all) {
        List<Compiled> compiled = new ArrayList<>(all.size());
        for (RuleTopic rule : all) {
            try {
                compiled.add(new Compiled(rule, RuleQuery.parse(rule.query())));
            } catch (RuleQuery.InvalidQueryException e) {
                LOG.warnf("Skipping rule topic %s: %s", rule.id(), e.getMessage());
            }
        }
        rules = List.copyOf(compiled);
    }

    public int size() {
        return rules.size();
    }

    /** The rule topics an article matches, in rule-id order. */
    public List<Topic> match(String language, List<Token> title, List<Token> text) {
        List<Compiled> current = rules;
        if (current.isEmpty()) {
            return List.of();
        }
        RuleQuery.Doc doc = new RuleQuery.Doc(language, title, text);
        List<Topic> matched = new ArrayList<>();
        for (Compiled c : current) {
            if (languageAllowed(c.rule().languages(), language) && c.query().matches(doc)) {
                matched.add(new Topic(c.rule().code(), c.rule().label(), 1.0));
            }
        }
        matched.sort(java.util.Comparator.comparing(Topic::code));
        return matched;
    }

    private static boolean languageAllowed(List<String> languages, String language) {
        if (languages.isEmpty()) {
            return true;
        }
        if (language == null) {
            return false;
        }
        for (String l : languages) {
            if (l.equals(language) || NORWEGIAN.contains(l) && NORWEGIAN.contains(language)) {
                return true;
            }
        }
        return false;
    }
}
