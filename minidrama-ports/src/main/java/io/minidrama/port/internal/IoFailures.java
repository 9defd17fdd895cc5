package io.minidrama.port.internal;

/** I/O failures described for people. */
public final class IoFailures {
    private IoFailures() {
    }

    /**
     * A failure in words: the JDK's file-system messages are often only the path
     * ({@code AccessDeniedException: /x}), so the kind comes first, then the file:
     * {@code permission denied (/x)}. An {@link java.io.UncheckedIOException}'s own message, when
     * it adds something, is kept in front.
     */
    public static String describe(Throwable t) {
        String context = "";
        Throwable c = t;
        if (t instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            c = u.getCause();
            if (u.getMessage() != null && !u.getMessage().equals(c.toString())) {
                context = u.getMessage() + ": ";
            }
        }
        if (!(c instanceof java.nio.file.FileSystemException fs)) {
            String m = c.getMessage();
            return context + (m == null || m.isBlank() ? c.getClass().getSimpleName() : m);
        }
        String kind;
        if (c instanceof java.nio.file.AccessDeniedException) {
            kind = "permission denied";
        } else if (c instanceof java.nio.file.NoSuchFileException) {
            kind = "no such file or directory";
        } else if (c instanceof java.nio.file.NotDirectoryException) {
            kind = "not a directory";
        } else if (fs.getReason() != null) {
            kind = fs.getReason();
        } else {
            kind = c.getClass().getSimpleName();
        }
        String file = fs.getFile();
        return context + kind + (file == null || file.isBlank() || file.equals(kind) ? "" : " (" + file + ")");
    }

}
