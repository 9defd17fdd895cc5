package io.minidrama.protocol.internal;

import io.minidrama.port.PlatformOperation;

/**
 * The platform operations as the adapter sends and retries them: a thin view of the public
 * catalogue {@link PlatformOperation}, which holds the names, paths and repeat-safety.
 */
public enum Operation {
    SINGLE_FILE_UPLOAD(PlatformOperation.SINGLE_FILE_UPLOAD),
    PULL_UPLOAD(PlatformOperation.PULL_UPLOAD),
    GET_TASK(PlatformOperation.GET_TASK),
    APPLY_UPLOAD(PlatformOperation.APPLY_UPLOAD),
    UPLOAD_PART(PlatformOperation.UPLOAD_PART),
    COMMIT_UPLOAD(PlatformOperation.COMMIT_UPLOAD),
    LIST_MEDIA(PlatformOperation.LIST_MEDIA),
    GET_MEDIA(PlatformOperation.GET_MEDIA),
    GET_MEDIA_LINK(PlatformOperation.GET_MEDIA_LINK),
    DELETE_MEDIA(PlatformOperation.DELETE_MEDIA),
    AUDIT_DRAMA(PlatformOperation.AUDIT_DRAMA),
    LIST_DRAMAS(PlatformOperation.LIST_DRAMAS),
    GET_DRAMA(PlatformOperation.GET_DRAMA),
    GET_CDN_USAGE_DATA(PlatformOperation.GET_CDN_USAGE_DATA),
    GET_CDN_LOGS(PlatformOperation.GET_CDN_LOGS),
    SUBMIT_REPLACE_DRAMA_MEDIAS(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS),
    REPLACE_DRAMA_MEDIA(PlatformOperation.REPLACE_DRAMA_MEDIA),
    MODIFY_DRAMA_BASIC_INFO(PlatformOperation.MODIFY_DRAMA_BASIC_INFO),
    GET_DRAMA_LATEST_AUDIT_INFO(PlatformOperation.GET_DRAMA_LATEST_AUDIT_INFO),
    LIST_PACKAGES(PlatformOperation.LIST_PACKAGES),
    AUTHORIZE_DRAMA(PlatformOperation.AUTHORIZE_DRAMA),
    DEAUTHORIZE_DRAMA(PlatformOperation.DEAUTHORIZE_DRAMA),
    GET_AUTHORIZE_OBJECTS(PlatformOperation.GET_AUTHORIZE_OBJECTS),
    GET_AUTHORIZED_OBJECTS(PlatformOperation.GET_AUTHORIZED_OBJECTS),
    AUTHORIZE_APP(PlatformOperation.AUTHORIZE_APP),
    DEAUTHORIZE_APP(PlatformOperation.DEAUTHORIZE_APP),
    GET_AUTHORIZE_APPS(PlatformOperation.GET_AUTHORIZE_APPS),
    GET_AUTHORIZED_APPS(PlatformOperation.GET_AUTHORIZED_APPS),
    AUTHORIZE_COPYRIGHT(PlatformOperation.AUTHORIZE_COPYRIGHT),
    DEAUTHORIZE_COPYRIGHT(PlatformOperation.DEAUTHORIZE_COPYRIGHT),
    GET_COPYRIGHT_AUTHORIZATION_LIST(PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST),
    GET_COPYRIGHT_AUTHORIZED_LIST(PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST),
    SET_PLAYER_DRAMA_RECMD_SWITCH(PlatformOperation.SET_PLAYER_DRAMA_RECMD_SWITCH),
    DEVELOPER_SET_FLUSH_DRAMA(PlatformOperation.DEVELOPER_SET_FLUSH_DRAMA),
    DEVELOPER_SET_RECMD_DRAMA(PlatformOperation.DEVELOPER_SET_RECMD_DRAMA),
    DEVELOPER_PUBLISH_DRAMA(PlatformOperation.DEVELOPER_PUBLISH_DRAMA),
    DEVELOPER_GET_PUBLISHED_DRAMA(PlatformOperation.DEVELOPER_GET_PUBLISHED_DRAMA),
    DEVELOPER_SET_IAA_DRAMA(PlatformOperation.DEVELOPER_SET_IAA_DRAMA),
    DEVELOPER_GET_IAA_DRAMA(PlatformOperation.DEVELOPER_GET_IAA_DRAMA),
    BATCH_PROCESS_DRAMA_PROMOTION(PlatformOperation.BATCH_PROCESS_DRAMA_PROMOTION),
    GET_FINDER_EVENT(PlatformOperation.GET_FINDER_EVENT);

    /** Path prefix of every operation. */
    public static final String PATH_PREFIX = PlatformOperation.PATH_PREFIX;

    private final PlatformOperation operation;

    Operation(PlatformOperation operation) {
        this.operation = operation;
    }

    /** The catalogue entry. */
    public PlatformOperation operation() {
        return operation;
    }

    /** The path segment, such as {@code getmedia}. */
    public String wire() {
        return operation.wireName();
    }

    /** The request path, such as {@code /wxa/sec/vod/getmedia} or {@code /wxadrama/getfinderevent}. */
    public String path() {
        return operation.path();
    }

    /** Whether repeating the call after an ambiguous failure is harmless. */
    public boolean idempotent() {
        return operation.repeatSafe();
    }

    /** Whether HTTP 502 means the file is over the endpoint's size limit: the multipart uploads. */
    public boolean upload() {
        return operation.bodyKind() == PlatformOperation.BodyKind.MULTIPART;
    }
}
