package io.minidrama.domain.error;

/**
 * An upload endpoint answered HTTP 502: the platform's way of saying the file or part is over
 * that endpoint's size limit (single upload: 10 MB; a part: 5 MB). Asking again gets the same answer.
 */
public final class FileTooLargeException extends PlatformException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for an HTTP 502 from {@code operation}.
     *
     * @param operation the upload operation, such as {@code singlefileupload} or {@code uploadpart}
     */
    public FileTooLargeException(String operation) {
        super(operation, ErrorCode.UNKNOWN.code(), "HTTP 502 from an upload endpoint: the file is over the size limit of "
                + operation + " (use chunked upload for videos of 10 MB and more)", 502);
    }
}
