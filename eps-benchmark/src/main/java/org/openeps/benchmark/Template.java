package org.openeps.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message text with {@code @@NAME@@} placeholders, split once into literal and placeholder segments so that
 * filling it in is one pass of appends: the driver renders thousands of messages a second on the same two cores as
 * the service, so it must not parse and re-serialise JSON per message.
 */
final class Template {

    private static final String MARK = "@@";

    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final int length;

    Template(String text) {
        int at = 0;
        while (true) {
            int open = text.indexOf(MARK, at);
            if (open < 0) {
                literals.add(text.substring(at));
                break;
            }
            int close = text.indexOf(MARK, open + MARK.length());
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed placeholder at " + open);
            }
            literals.add(text.substring(at, open));
            names.add(text.substring(open + MARK.length(), close));
            at = close + MARK.length();
        }
        this.length = text.length();
    }

    static String placeholder(String name) {
        return MARK + name + MARK;
    }

    /** The names of the placeholders, in order, repeats included. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** The text with every placeholder replaced by its value; a placeholder without a value is an error. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(length + 256);
        for (int i = 0; i < names.size(); i++) {
            out.append(literals.get(i));
            String value = values.get(names.get(i));
            if (value == null) {
                throw new IllegalArgumentException("No value for placeholder " + names.get(i));
            }
            out.append(value);
        }
        out.append(literals.get(literals.size() - 1));
        return out.toString();
    }
}
