package io.minidrama.adapter.jdkhttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a recorded multipart/form-data body, strictly, to check what went on the wire. */
final class MultipartParser {

    record Part(String name, String fileName, Map<String, String> headers, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("^multipart/form-data; boundary=([A-Za-z0-9'()+_,\\-./:=?]{1,70})$");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private MultipartParser() {
    }

    static List<Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.matches()) {
            throw new AssertionError("not a multipart content type: " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] crlfDelimiter = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        if (!startsWith(body, 0, delimiter)) {
            throw new AssertionError("body does not start with the boundary");
        }
        List<Part> parts = new ArrayList<>();
        int pos = delimiter.length;
        while (true) {
            if (startsWith(body, pos, "--\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
                if (pos + 4 != body.length) {
                    throw new AssertionError("bytes after the closing boundary");
                }
                return parts;
            }
            if (!startsWith(body, pos, "\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
                throw new AssertionError("no CRLF after boundary at " + pos);
            }
            pos += 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            String headerText = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : headerText.split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
            }
            int start = headersEnd + 4;
            int end = indexOf(body, crlfDelimiter, start);
            String disposition = headers.get("content-disposition");
            Matcher n = NAME.matcher(disposition);
            if (!n.find()) {
                throw new AssertionError("part without name: " + disposition);
            }
            Matcher f = FILENAME.matcher(disposition);
            parts.add(new Part(n.group(1), f.find() ? f.group(1) : null, headers, Arrays.copyOfRange(body, start, end)));
            pos = end + crlfDelimiter.length;
        }
    }

    private static boolean startsWith(byte[] a, int at, byte[] prefix) {
        if (at + prefix.length > a.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] a, byte[] what, int from) {
        outer:
        for (int i = from; i <= a.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (a[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("delimiter not found after " + from);
    }
}
