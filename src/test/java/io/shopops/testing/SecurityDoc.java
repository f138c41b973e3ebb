package io.shopops.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The endpoint tables of docs/security.md, as tests read them. */
public final class SecurityDoc {

    public static final Path PATH = Path.of("docs/security.md");
    private static final Pattern ENDPOINT_ROW = Pattern.compile(
            "^\\|\\s*(GET|POST|PUT|PATCH|DELETE)\\s*\\|\\s*`?([^|`]+?)`?\\s*\\|\\s*`?([a-z:]+)`?\\s*\\|\\s*$");

    private SecurityDoc() {
    }

    public record Endpoint(String method, String path, String permission) implements Comparable<Endpoint> {

        public boolean isConsole() {
            return path.startsWith("/console");
        }

        /** The path with every {variable} replaced by the given value. */
        public String pathWith(String value) {
            return path.replaceAll("\\{[^}]+}", value);
        }

        @Override
        public int compareTo(Endpoint other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    public static List<Endpoint> endpoints() throws IOException {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String line : Files.readAllLines(PATH)) {
            Matcher row = ENDPOINT_ROW.matcher(line.trim());
            if (row.matches()) {
                endpoints.add(new Endpoint(row.group(1), row.group(2).trim(), row.group(3)));
            }
        }
        return endpoints;
    }
}
