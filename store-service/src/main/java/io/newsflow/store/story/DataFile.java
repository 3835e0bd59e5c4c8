package io.newsflow.store.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a tab-separated data file on the class path (the event lexicon, the actor groups): blank lines and
 * {@code #} comments skipped, each row checked for its number of columns, so a broken file fails at start with its
 * line number.
 */
final class DataFile {

    /** One row: its columns and its line number, for errors about its content. */
    record Row(int line, String[] columns) {
    }

    private DataFile() {
    }

    static List<Row> rows(String resource, int columns) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] values = line.split("\t");
                if (values.length != columns) {
                    throw new IllegalStateException(resource + " line " + number + ": expected " + columns
                            + " columns");
                }
                rows.add(new Row(number, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
