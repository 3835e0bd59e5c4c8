package io.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;

/** Finds the schema.org Article-like object in a page's JSON-LD (arrays, {@code @graph}, {@code mainEntity}). */
final class JsonLd {

    private JsonLd() {
    }

    /** The Article-like object with the longest articleBody, else the first one; null when there is none. */
    static JsonNode article(Document doc, ObjectMapper json) {
        JsonNode first = null;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = json.readTree(script.data());
            } catch (IOException e) {
                continue; // broken JSON-LD is common; the DOM still has the article
            }
            JsonNode found = find(root, 0);
            if (found != null && found.hasNonNull("articleBody")) {
                return found;
            }
            if (first == null) {
                first = found;
            }
        }
        return first;
    }

    private static JsonNode find(JsonNode node, int depth) {
        if (node == null || depth > 5) {
            return null;
        }
        if (node.isArray()) {
            JsonNode first = null;
            for (JsonNode item : node) {
                JsonNode found = find(item, depth + 1);
                if (found != null && found.hasNonNull("articleBody")) {
                    return found;
                }
                if (first == null) {
                    first = found;
                }
            }
            return first;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isArticleType(node.get("@type"))) {
            return node;
        }
        JsonNode found = find(node.get("@graph"), depth + 1);
        return found != null ? found : find(node.get("mainEntity"), depth + 1);
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText("");
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.endsWith("Article") || name.equals("BlogPosting") || name.equals("LiveBlogPosting")
                || name.equals("Report") || name.equals("NewsArticle");
    }

    /** A field as text: the value, or the first of an array; null for objects and absent fields. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
        }
        return value == null || !value.isValueNode() ? null : value.asText();
    }
}
