package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.PlatformOperation;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

/**
 * {@code POST /wxa/sec/vod/<op>?access_token=..}: every mini-drama operation, backed by the fake.
 * Checks in the platform's order: the operation exists, the method is POST (43002), the token is
 * present (41001) and valid (40001, 42001), the body is there (44002) and well-formed (47001), the
 * arguments are valid (47003 or the operation's own code); then the fake answers.
 *
 * @param platform the fake that answers (its clock dates the requests)
 * @param tokens   the tokens the emulator issued
 * @param problems where a request that does not fit its table is recorded
 */
public record ApiHandler(InMemoryMiniDramaPlatform platform, Tokens tokens, WireProblems problems) implements HttpHandler {
    /** The path prefix of the operations. */
    public static final String PREFIX = "/wxa/sec/vod/";

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String op = ex.getRequestURI().getPath().substring(PREFIX.length());
            try {
                PlatformOperation operation = PlatformOperation.find(op).filter(o -> !o.isPlayer()).orElse(null);
                if (operation == null) {
                    Exchanges.drain(ex.getRequestBody());
                    ResponseWriter.send(ex, 404, ResponseWriter.error(40066, "invalid url"));
                    return;
                }
                if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                    Exchanges.drain(ex.getRequestBody());
                    throw new WireError(43002, "require POST method");
                }
                tokens.check(Exchanges.query(ex).get("access_token"), operation);
                JsonObject answer = operation.bodyKind() == PlatformOperation.BodyKind.MULTIPART ? multipart(op, ex) : json(operation, ex);
                ResponseWriter.send(ex, 200, answer);
            } catch (WireError e) {
                if (e.drain) {
                    Exchanges.drain(ex.getRequestBody());
                }
                if (e.httpStatus == 502) {
                    Exchanges.send(ex, 502, "text/html; charset=utf-8",
                            "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    ResponseWriter.send(ex, e.httpStatus, ResponseWriter.error(e.errcode, e.getMessage()));
                }
            } catch (MalformedBodyException e) {
                Exchanges.drain(ex.getRequestBody());
                ResponseWriter.send(ex, 200, ResponseWriter.error(47001, "data format error: " + e.getMessage()));
            } catch (InvalidRequestException e) {
                Exchanges.drain(ex.getRequestBody());
                ResponseWriter.send(ex, 200, ResponseWriter.error(WireRequests.errcodeFor(op, e), "argument invalid! " + e.getMessage()));
            } catch (PlatformException e) {
                ResponseWriter.send(ex, 200, ResponseWriter.error(e.rawErrcode(), e.errmsg()));
            } catch (TransportException e) {
                // An injected transport fault: close the connection without an answer.
                Exchanges.drain(ex.getRequestBody());
            }
        }
    }

    private JsonObject json(PlatformOperation op, HttpExchange ex) throws IOException {
        JsonObject o = JsonBodies.parse(Exchanges.readBody(ex));
        RequestCheck.json(op.wireName(), RequestTables.of(op), o, problems);
        Clock clock = platform.clock();
        JsonObjectBuilder ok = ResponseWriter.ok();
        switch (op.name()) { // PlatformOperation is not an enum: its constant names
            case "PULL_UPLOAD" -> ok.add("task_id", platform.pullUpload(WireRequests.pull(o)).value());
            case "GET_TASK" -> ok.add("task_info", ResponseWriter.task(platform.getTask(WireRequests.taskId(o))));
            case "APPLY_UPLOAD" -> ok.add("upload_id", platform.applyUpload(WireRequests.applyUpload(o)).value());
            case "COMMIT_UPLOAD" -> ok.add("media_id", platform.commitUpload(WireRequests.commit(o)).value());
            case "LIST_MEDIA" -> ok.add("media_info_list", ResponseWriter.mediaList(platform.listMedia(WireRequests.mediaQuery(o))));
            case "GET_MEDIA" -> ok.add("media_info", ResponseWriter.media(platform.getMedia(WireRequests.mediaId(o))));
            case "GET_MEDIA_LINK" -> ok.add("media_info", ResponseWriter.link(platform.getPlayLink(WireRequests.link(o, clock))));
            case "DELETE_MEDIA" -> platform.deleteMedia(WireRequests.mediaId(o));
            case "AUDIT_DRAMA" -> ok.add("drama_id", platform.submit(WireRequests.submission(o)).value());
            case "LIST_DRAMAS" -> ok.add("drama_info_list", ResponseWriter.dramaList(platform.listDramas(WireRequests.page(o))));
            case "GET_DRAMA" -> ok.add("drama_info", ResponseWriter.drama(platform.getDrama(WireRequests.dramaId(o))));
            case "GET_CDN_USAGE_DATA" -> ok = ResponseWriter.usage(platform.getCdnUsage(WireRequests.usage(o, clock)));
            case "GET_CDN_LOGS" -> ok = ResponseWriter.logs(platform.getCdnLogs(WireRequests.logs(o, clock)));
            case "SUBMIT_REPLACE_DRAMA_MEDIAS" -> platform.submitReplacement(CatalogWire.replacement(o));
            case "REPLACE_DRAMA_MEDIA" -> platform.applyReplacement(CatalogWire.application(o));
            case "MODIFY_DRAMA_BASIC_INFO" -> platform.modifyInfo(CatalogWire.infoChange(o));
            case "GET_DRAMA_LATEST_AUDIT_INFO" -> ok = ResponseWriter.auditDetail(platform.latestAudit(CatalogWire.latestAudit(o)));
            case "LIST_PACKAGES" -> ok = ResponseWriter.packages(platform.listPackages(CatalogWire.packages(o)));
            case "AUTHORIZE_DRAMA" -> ok = ResponseWriter.results(platform.authorizeDramas(AuthzWire.authorizeDramas(o, clock)));
            case "DEAUTHORIZE_DRAMA" -> ok = ResponseWriter.results(platform.deauthorizeDramas(AuthzWire.deauthorizeDramas(o)));
            case "GET_AUTHORIZE_OBJECTS" -> ok = ResponseWriter.dramaGrants(platform.grantedDramas(AuthzWire.grantedDramas(o)), "authorized_appid");
            case "GET_AUTHORIZED_OBJECTS" -> ok = ResponseWriter.dramaGrants(platform.receivedDramas(AuthzWire.receivedDramas(o)), "authorizer_appid");
            case "AUTHORIZE_APP" -> platform.authorizeApp(AuthzWire.authorizeApp(o, clock));
            case "DEAUTHORIZE_APP" -> platform.deauthorizeApp(AuthzWire.deauthorizeApp(o));
            case "GET_AUTHORIZE_APPS" -> ok = ResponseWriter.appGrants(platform.authorizedApps());
            case "GET_AUTHORIZED_APPS" -> ok = ResponseWriter.receivedAppGrants(platform.receivedApps());
            case "AUTHORIZE_COPYRIGHT" -> ok = ResponseWriter.results(platform.authorizeCopyright(AuthzWire.authorizeCopyright(o, clock)));
            case "DEAUTHORIZE_COPYRIGHT" -> ok = ResponseWriter.results(platform.deauthorizeCopyright(AuthzWire.deauthorizeCopyright(o)));
            case "GET_COPYRIGHT_AUTHORIZATION_LIST" -> ok = ResponseWriter.copyrightGrants(AuthzWire.grantedCopyrights(o, platform));
            case "GET_COPYRIGHT_AUTHORIZED_LIST" -> ok = ResponseWriter.copyrightGrants(platform.receivedCopyrights(AuthzWire.receivedCopyrights(o)));
            default -> throw new IllegalStateException("unrouted operation " + op);
        }
        return ok.build();
    }

    private JsonObject multipart(String op, HttpExchange ex) throws IOException {
        String boundary = MultipartReader.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        long length = contentLength(ex);
        if (length == 0) {
            throw new WireError(44002, "empty post data");
        }
        if (boundary == null) {
            throw WireError.bodyFormat("(multipart/form-data with a boundary expected)");
        }
        boolean part = PlatformOperation.UPLOAD_PART.wireName().equals(op);
        // The gateway refuses a body over the endpoint's limit (502) before the service sees it: so
        // does the emulator, at once when the body declares it, else as soon as that much has arrived.
        long limit = bodyLimit(op);
        if (length != Long.MAX_VALUE && length > limit) {
            throw WireError.tooLarge(-1, "Bad Gateway", 502);
        }
        Map<String, String> texts = new HashMap<>();
        Map<String, MultipartReader.Collector> files = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> textParts = new HashSet<>();
        Set<String> fileParts = new HashSet<>();
        boolean tooLarge = false;
        InputStream in = new LimitedInputStream(ex.getRequestBody(), limit);
        MultipartReader reader = new MultipartReader(in, boundary);
        try {
            for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
                (p.isFile() ? fileParts : textParts).add(p.name());
                long cap = fileCap(op, p.name());
                if (cap > 0) {
                    MultipartReader.Collector c = new MultipartReader.Collector(cap);
                    MultipartReader.Collector replaced = files.put(p.name(), c);
                    if (replaced != null) {
                        replaced.release();
                    }
                    reader.readBody(c);
                    tooLarge |= c.overCap();
                    names.put(p.name(), p.fileName() == null ? p.name() : p.fileName());
                } else if (p.isFile()) {
                    reader.readBody((b, off, len) -> { });
                } else {
                    texts.put(p.name(), reader.readText(64 * 1024));
                }
            }
            // The epilogue (a CRLF), so the request ends and the connection can carry the next one.
            Exchanges.drain(in);
            if (tooLarge) {
                throw new WireError(-1, "Bad Gateway", 502);
            }
            RequestCheck.form(op, RequestTables.of(PlatformOperation.of(op)), textParts, fileParts, texts, problems);
            if (part) {
                return ResponseWriter.ok().add("etag", platform.uploadPart(partUpload(texts, files, names)).value()).build();
            }
            return ResponseWriter.ok().add("media_id", platform.uploadSingle(single(texts, files, names)).value()).build();
        } finally {
            // The fake copies what it keeps: the chunks go back to the pool for the next request.
            files.values().forEach(MultipartReader.Collector::release);
            reader.release();
        }
    }

    /** Room for the text fields and multipart framing around an upload's files. */
    static final long FIELD_ALLOWANCE = 256 * 1024;

    /** The most bytes an upload body may have: its files at their limits and the fields around them. */
    static long bodyLimit(String op) {
        return PlatformOperation.UPLOAD_PART.wireName().equals(op) ? UploadLimits.PART_SIZE + FIELD_ALLOWANCE
                : UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE - 1 + UploadLimits.COVER_MAX + FIELD_ALLOWANCE;
    }

    /** Fails the request with the gateway's 502 once more than {@code limit} bytes arrive. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, (int) Math.min(len, left + 1));
            if (r > 0) {
                left -= r;
                if (left < 0) {
                    throw WireError.tooLarge(-1, "Bad Gateway", 502);
                }
            }
            return r;
        }
    }

    /** The most bytes a file field may carry before the gateway answers 502; 0 for fields that are not files. */
    private static long fileCap(String op, String field) {
        if (PlatformOperation.UPLOAD_PART.wireName().equals(op)) {
            return field.equals("data") ? UploadLimits.PART_SIZE : 0;
        }
        return switch (field) {
            case "media_data" -> UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE - 1;
            case "cover_data" -> UploadLimits.COVER_MAX;
            default -> 0;
        };
    }

    private static PartUpload partUpload(Map<String, String> texts, Map<String, MultipartReader.Collector> files, Map<String, String> names) {
        String uploadId = required(texts, "upload_id");
        int number = integer(texts, "part_number");
        String rt = required(texts, "resource_type").strip();
        if (!rt.equals("1") && !rt.equals("2")) {
            throw new WireError(10090005, "resource_type invalid");
        }
        MultipartReader.Collector data = files.get("data");
        if (data == null || data.size() == 0) {
            throw WireError.badArgument("data (the part's bytes) is required");
        }
        return new PartUpload(UploadId.of(uploadId), number, ResourceType.of(Integer.parseInt(rt)),
                data.source(names.get("data")));
    }

    private static SingleFileUpload single(Map<String, String> texts, Map<String, MultipartReader.Collector> files, Map<String, String> names) {
        MultipartReader.Collector video = files.get("media_data");
        if (video == null || video.size() == 0) {
            throw WireError.badArgument("media_data is required");
        }
        SingleFileUpload.Builder b = SingleFileUpload.builder()
                .name(MediaName.parse(required(texts, "media_name")))
                .format(VideoFormat.parse(required(texts, "media_type")))
                .video(video.source(names.get("media_data")));
        String coverType = texts.get("cover_type");
        MultipartReader.Collector cover = files.get("cover_data");
        if ((coverType == null) != (cover == null)) {
            throw WireError.badArgument("cover_type and cover_data go together");
        }
        if (cover != null) {
            ByteSource c = cover.source(names.get("cover_data"));
            b.cover(CoverFormat.parse(coverType), c);
        }
        if (texts.containsKey("source_context")) {
            b.sourceContext(texts.get("source_context"));
        }
        return b.build();
    }

    private static String required(Map<String, String> texts, String field) {
        String v = texts.get(field);
        if (v == null || v.isEmpty()) {
            throw WireError.badArgument(field + " is required");
        }
        return v;
    }

    private static int integer(Map<String, String> texts, String field) {
        try {
            return Integer.parseInt(required(texts, field).strip());
        } catch (NumberFormatException e) {
            throw WireError.badArgument(field + " must be an integer");
        }
    }

    private static long contentLength(HttpExchange ex) {
        String cl = ex.getRequestHeaders().getFirst("Content-Length");
        if (cl == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
