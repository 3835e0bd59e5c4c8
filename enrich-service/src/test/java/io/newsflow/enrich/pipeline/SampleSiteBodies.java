package io.newsflow.enrich.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Article bodies of local-stack's sample site as plain text, the way ingest's extractor delivers them. */
public final class SampleSiteBodies {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|li|h[1-6]|blockquote|footer|ul|ol|div)>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private SampleSiteBodies() {
    }

    /** One block per paragraph, heading or list item, blank lines between them. */
    public static String text(String bodyPath) {
        String name = "sample-site/articles/" + bodyPath;
        String html;
        try (InputStream in = SampleSiteBodies.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath (io.newsflow:local-stack)");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        html = COMMENT.matcher(html).replaceAll("");
        html = BLOCK_END.matcher(html).replaceAll("\n\n");
        String plain = TAG.matcher(html).replaceAll("")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ");
        List<String> blocks = new ArrayList<>();
        for (String block : plain.split("\\n\\s*\\n")) {
            String b = block.strip().replaceAll("\\s+", " ");
            if (!b.isEmpty()) {
                blocks.add(b);
            }
        }
        return String.join("\n\n", blocks);
    }
}
