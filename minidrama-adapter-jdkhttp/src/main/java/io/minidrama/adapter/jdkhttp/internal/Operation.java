package io.minidrama.adapter.jdkhttp.internal;

/**
 * The platform operations, with what the adapter must know to send and retry them.
 */
public enum Operation {
    SINGLE_FILE_UPLOAD("singlefileupload", false, true),
    PULL_UPLOAD("pullupload", false, false),
    GET_TASK("gettask", true, false),
    APPLY_UPLOAD("applyupload", false, false),
    UPLOAD_PART("uploadpart", true, true),
    // The port asks not to retry commits blindly: a repeated commit of a finished upload fails
    // although the media exists.
    COMMIT_UPLOAD("commitupload", false, false),
    LIST_MEDIA("listmedia", true, false),
    GET_MEDIA("getmedia", true, false),
    GET_MEDIA_LINK("getmedialink", true, false),
    DELETE_MEDIA("deletemedia", true, false),
    AUDIT_DRAMA("auditdrama", false, false),
    LIST_DRAMAS("listdramas", true, false),
    GET_DRAMA("getdrama", true, false),
    GET_CDN_USAGE_DATA("getcdnusagedata", true, false),
    GET_CDN_LOGS("getcdnlogs", true, false),
    // API.md §7. Calls that change something are not repeated after an ambiguous failure: a
    // repeated submission may start a second review, and a repeated (de)authorisation answers
    // per-drama errors (10090039 "already de-authorised") that hide the first call's outcome.
    SUBMIT_REPLACE_DRAMA_MEDIAS("submitreplacedramamedias", false, false),
    REPLACE_DRAMA_MEDIA("replacedramamedia", false, false),
    MODIFY_DRAMA_BASIC_INFO("modifydramabasicinfo", false, false),
    GET_DRAMA_LATEST_AUDIT_INFO("getdramalatestauditinfo", true, false),
    LIST_PACKAGES("listpackages", true, false),
    AUTHORIZE_DRAMA("authorizedrama", false, false),
    DEAUTHORIZE_DRAMA("deauthorizedrama", false, false),
    GET_AUTHORIZE_OBJECTS("getauthorizeobjects", true, false),
    GET_AUTHORIZED_OBJECTS("getauthorizedobjects", true, false),
    AUTHORIZE_APP("authorizeapp", false, false),
    DEAUTHORIZE_APP("deauthorizeapp", false, false),
    GET_AUTHORIZE_APPS("getauthorizeapps", true, false),
    GET_AUTHORIZED_APPS("getauthorizedapps", true, false),
    AUTHORIZE_COPYRIGHT("authorizecopyright", false, false),
    DEAUTHORIZE_COPYRIGHT("deauthorizecopyright", false, false),
    GET_COPYRIGHT_AUTHORIZATION_LIST("getcopyrightauthorizationlist", true, false),
    GET_COPYRIGHT_AUTHORIZED_LIST("getcopyrightauthorizedlist", true, false);

    /** Path prefix of every operation. */
    public static final String PATH_PREFIX = "/wxa/sec/vod/";

    private final String wire;
    private final boolean idempotent;
    private final boolean upload;

    Operation(String wire, boolean idempotent, boolean upload) {
        this.wire = wire;
        this.idempotent = idempotent;
        this.upload = upload;
    }

    /** The path segment, such as {@code getmedia}. */
    public String wire() {
        return wire;
    }

    /** The request path, such as {@code /wxa/sec/vod/getmedia}. */
    public String path() {
        return PATH_PREFIX + wire;
    }

    /** Whether repeating the call after an ambiguous failure is harmless. */
    public boolean idempotent() {
        return idempotent;
    }

    /** Whether HTTP 502 means the file is over the endpoint's size limit. */
    public boolean upload() {
        return upload;
    }
}
