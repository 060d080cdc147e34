package org.opencs.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML pages, from templates in the jar ({@code org/opencs/web/pages/NAME.html}) whose {@code {{key}}} markers
 * are replaced by values escaped with {@link Html#escape}; an unknown marker is an error, so no page shows one.
 * The templates hold no inline script (the Content-Security-Policy forbids it): behaviour lives in asset files.
 */
public final class Pages {
    private static final Pattern MARKER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private Pages() {
    }

    /** Template {@code name} with {@code values} (plain text; escaped here). */
    public static String render(String name, Map<String, String> values) {
        String template = template(name);
        Matcher m = MARKER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("page " + name + " has no value for {{" + key + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(Html.escape(values.get(key))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String template(String name) {
        try (var in = Pages.class.getResourceAsStream("/org/opencs/web/pages/" + name + ".html")) {
            if (in == null) {
                throw new IllegalArgumentException("no page template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
