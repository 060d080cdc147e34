package org.opencs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * The web terminal's messages as JSON (Jackson): screens out ({@link ScreenView}), status lines out, keys in
 * ({@link Keys}). Out, {@code < > & '} are written as \\u escapes, so no screen text can close a script or a tag
 * wherever the JSON lands; the page puts text into the DOM as text nodes, never as markup.
 */
public final class TerminalJson {
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public TerminalJson() {
        mapper.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    /** A key the browser sent: the AID name (ENTER, CLEAR, PA1..PA3, PF1..PF24), the cursor, the fields typed into. */
    public record Keys(String aid, int cursor, List<Input> fields) {
        public Keys {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /** What one input segment holds now: its buffer address and length, as the screen gave them, and the text. */
    public record Input(int address, int length, String text) {
    }

    /** A status line: an OCSWnnn message for the terminal's line under the screen. */
    public record Status(String type, String message) {
        public Status(String message) {
            this("status", message);
        }
    }

    public String write(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a terminal message cannot be written as JSON", e);
        }
    }

    /**
     * The keys of one browser message.
     *
     * @throws IllegalArgumentException when it is not such a message (the text says why, without a class name)
     */
    public Keys keys(String json) {
        try {
            Keys keys = mapper.readValue(json, Keys.class);
            if (keys.aid() == null) {
                throw new IllegalArgumentException("the message names no key");
            }
            return keys;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the message is not a terminal key in JSON");
        }
    }

    /** Jackson's escapes plus {@code < > & '} as \\u003C and so on. */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
