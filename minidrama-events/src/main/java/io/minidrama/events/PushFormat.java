package io.minidrama.events;

/** The body format chosen in the WeChat console ("data format"): XML or JSON. */
public enum PushFormat {
    /** {@code <xml>...</xml>}, string values in CDATA sections. */
    XML("text/xml; charset=utf-8"),
    /** A JSON object with the same field names as the XML form. */
    JSON("application/json; charset=utf-8");

    private final String contentType;

    PushFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} header value for a body in this format. */
    public String contentType() {
        return contentType;
    }
}
