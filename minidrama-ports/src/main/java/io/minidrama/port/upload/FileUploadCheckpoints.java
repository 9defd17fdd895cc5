package io.minidrama.port.upload;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.CheckpointStorageException;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.Namesakes;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.UploadCheckpointPort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default {@link UploadCheckpointPort}: one small file per checkpoint in a directory the
 * caller chooses.
 *
 * <p>A checkpoint file is a properties text, written to a temporary file in the same directory,
 * forced to disk and renamed over the old one (an atomic move), followed by the parts recorded
 * since, appended one line per save and forced to disk: a save that adds parts to the upload the
 * file holds appends (a few dozen bytes in one write) instead of rewriting the file. Each appended
 * line carries a CRC-32 of itself; a line that is incomplete or fails its check (a crash while the
 * machine, not only the process, went down) is ignored with whatever follows it, and the next save
 * rewrites the file whole. So a crash leaves the old or the new checkpoint, never a torn one. Saves
 * for one key are serialised within the JVM by a lock and across processes by a file lock on a
 * sibling {@code .lock} file; a save merges the parts already stored for the same upload id (it
 * re-reads the file when it changed since this store last wrote it), so parts recorded by
 * concurrent savers are never lost. File names are the SHA-256 of the key. Thread-safe.
 */
public final class FileUploadCheckpoints implements UploadCheckpointPort {
    private static final System.Logger LOG = System.getLogger(FileUploadCheckpoints.class.getName());
    private static final String SUFFIX = ".checkpoint";
    /** Starts an appended line: "+ updated_at [type.part:etag (URL-encoded)]... #CRC-32 of what precedes (hex)". */
    private static final String RECORD = "+ ";
    private final Path dir;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** What this store last wrote per key, and the file's attributes right after: trusted while they match. */
    private final ConcurrentHashMap<String, Written> written = new ConcurrentHashMap<>();

    private record Written(UploadCheckpoint checkpoint, long size, FileTime modified, Object fileKey) {
    }

    /** A file as read: its checkpoint, and whether it ended with a torn or corrupt appended line. */
    private record Stored(UploadCheckpoint checkpoint, boolean torn) {
    }

    private FileUploadCheckpoints(Path dir) {
        this.dir = dir;
    }

    /**
     * A store in {@code directory}, created if missing.
     *
     * @throws CheckpointStorageException if the directory cannot be created
     */
    public static FileUploadCheckpoints in(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw CheckpointStorageException.inStore("create checkpoint directory " + directory, e);
        }
        return new FileUploadCheckpoints(directory.toAbsolutePath().normalize());
    }

    /** The directory holding the checkpoints. */
    public Path directory() {
        return dir;
    }

    @Override
    public Optional<UploadCheckpoint> load(String key) {
        try {
            return read(fileOf(key)).map(Stored::checkpoint);
        } catch (IOException e) {
            throw CheckpointStorageException.inStore("read the checkpoint of " + key + " in " + dir, e);
        }
    }

    @Override
    public void save(UploadCheckpoint checkpoint) {
        withLock(checkpoint.key(), () -> {
            Path file = fileOf(checkpoint.key());
            Written last = written.get(checkpoint.key());
            BasicFileAttributes now = attributes(file);
            UploadCheckpoint stored;
            boolean torn = false;
            if (last != null && now != null && now.size() == last.size && now.lastModifiedTime().equals(last.modified)
                    && java.util.Objects.equals(now.fileKey(), last.fileKey)) {
                stored = last.checkpoint;
            } else {
                Optional<Stored> s = now == null ? Optional.empty() : read(file);
                stored = s.map(Stored::checkpoint).orElse(null);
                torn = s.isPresent() && s.get().torn;
            }
            UploadCheckpoint toWrite = checkpoint;
            if (stored != null && stored.session().sameUpload(checkpoint.session())) {
                toWrite = checkpoint.withSession(stored.session().mergedWith(checkpoint.session()), checkpoint.updatedAt());
                if (!torn && sameFields(stored, checkpoint)) {
                    append(file, record(stored.session(), toWrite));
                    remember(file, toWrite);
                    return;
                }
            }
            write(file, toWrite);
            remember(file, toWrite);
        });
    }

    private void remember(Path file, UploadCheckpoint c) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        written.put(c.key(), new Written(c, a.size(), a.lastModifiedTime(), a.fileKey()));
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void delete(String key) {
        withLock(key, () -> {
            written.remove(key);
            Files.deleteIfExists(fileOf(key));
        });
    }

    /**
     * Writes, syncs and deletes a temporary file in the directory, under the key's lock.
     *
     * @throws CheckpointStorageException if that fails (nothing was sent)
     */
    @Override
    public void checkWritable(String key) {
        try {
            withLock(key, () -> {
                Path probe = Files.createTempFile(dir, "probe", ".tmp");
                try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
                    ch.force(true);
                } finally {
                    Files.deleteIfExists(probe);
                }
            });
        } catch (CheckpointStorageException e) {
            throw CheckpointStorageException.beforeSending(dir.toString(), e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void withLock(String key, IoAction action) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try (FileChannel ch = FileChannel.open(dir.resolve(hash(key) + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            action.run();
        } catch (IOException e) {
            throw CheckpointStorageException.inStore("update the checkpoint of " + key, e);
        } finally {
            lock.unlock();
        }
    }

    private Path fileOf(String key) {
        return dir.resolve(hash(key) + SUFFIX);
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static Optional<Stored> read(Path file) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int cut = text.indexOf("\n" + RECORD);
        int records = cut < 0 ? text.length() : cut + 1;
        Properties p = new Properties();
        p.load(new java.io.StringReader(text.substring(0, records)));
        UploadCheckpoint c;
        try {
            c = decode(p);
        } catch (RuntimeException e) {
            // Writes are atomic, so this is a foreign or hand-edited file: starting over is safe.
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable upload checkpoint " + file + ": " + e);
            return Optional.empty();
        }
        boolean torn = false;
        for (int at = records; at < text.length(); ) {
            int end = text.indexOf('\n', at);
            Optional<UploadCheckpoint> next = end < 0 ? Optional.empty() : applyRecord(c, text.substring(at, end));
            if (next.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "ignoring a torn or corrupt line at the end of upload checkpoint " + file);
                torn = true;
                break;
            }
            c = next.get();
            at = end + 1;
        }
        return Optional.of(new Stored(c, torn));
    }

    private static String record(UploadSession before, UploadCheckpoint after) {
        StringBuilder b = new StringBuilder(RECORD).append(after.updatedAt());
        java.util.Map<String, Etag> had = new java.util.HashMap<>();
        before.recordedParts().forEach(p -> had.put(p.resourceType().code() + "." + p.partNumber(), p.etag()));
        for (UploadSession.RecordedPart part : after.session().recordedParts()) {
            String id = part.resourceType().code() + "." + part.partNumber();
            if (!part.etag().equals(had.get(id))) {
                b.append(' ').append(id).append(':').append(java.net.URLEncoder.encode(part.etag().value(), StandardCharsets.UTF_8));
            }
        }
        String check = crc(b);
        return b.append(" #").append(check).append('\n').toString();
    }

    private static String crc(CharSequence s) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(s.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /** {@code c} with the line's parts and time, or empty if the line is not one whole appended record. */
    private static Optional<UploadCheckpoint> applyRecord(UploadCheckpoint c, String line) {
        int hash = line.lastIndexOf(" #");
        if (!line.startsWith(RECORD) || hash < 0 || !crc(line.substring(0, hash)).equals(line.substring(hash + 2))) {
            return Optional.empty();
        }
        try {
            String[] f = line.substring(RECORD.length(), hash).split(" ");
            List<UploadSession.RecordedPart> parts = new ArrayList<>();
            for (int i = 1; i < f.length; i++) {
                int dot = f[i].indexOf('.');
                int colon = f[i].indexOf(':');
                parts.add(new UploadSession.RecordedPart(ResourceType.of(Integer.parseInt(f[i].substring(0, dot))),
                        Integer.parseInt(f[i].substring(dot + 1, colon)),
                        Etag.of(java.net.URLDecoder.decode(f[i].substring(colon + 1), StandardCharsets.UTF_8))));
            }
            UploadSession s = c.session();
            UploadSession added = UploadSession.restore(s.uploadId(), s.videoSize(), s.coverSize(), parts);
            return Optional.of(c.withSession(s.mergedWith(added), Instant.parse(f[0])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void append(Path file, String record) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
    }

    /** Whether the two agree on everything but their parts and time: what an appended line cannot change. */
    private static boolean sameFields(UploadCheckpoint a, UploadCheckpoint b) {
        if (a.key().equals(b.key()) && a.video().equals(b.video()) && a.request() == b.request() && a.namesakes().equals(b.namesakes())) {
            return true; // the upload service's case: one request object for the whole upload
        }
        Properties pa = encode(a);
        Properties pb = encode(b);
        for (Properties p : List.of(pa, pb)) {
            p.keySet().removeIf(k -> k.toString().startsWith("part.") || k.equals("updated_at"));
        }
        return pa.equals(pb);
    }

    private void write(Path file, UploadCheckpoint c) throws IOException {
        Properties p = encode(c);
        Path tmp = Files.createTempFile(dir, "cp", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "minidrama upload checkpoint");
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Properties encode(UploadCheckpoint c) {
        Properties p = new Properties();
        p.setProperty("key", c.key());
        p.setProperty("file.path", c.video().path());
        p.setProperty("file.size", Long.toString(c.video().size()));
        p.setProperty("file.modified", c.video().lastModified().toString());
        p.setProperty("file.fingerprint", c.video().fingerprint());
        ApplyUpload r = c.request();
        p.setProperty("media_name", r.name().wire());
        p.setProperty("media_type", r.format().wire());
        r.coverFormat().ifPresent(f -> p.setProperty("cover_type", f.wire()));
        p.setProperty("source_context", r.sourceContext());
        UploadSession s = c.session();
        p.setProperty("upload_id", s.uploadId().value());
        p.setProperty("video_size", Long.toString(s.videoSize()));
        p.setProperty("cover_size", Long.toString(s.coverSize()));
        for (UploadSession.RecordedPart part : s.recordedParts()) {
            p.setProperty("part." + part.resourceType().code() + "." + part.partNumber(), part.etag().value());
        }
        p.setProperty("updated_at", c.updatedAt().toString());
        c.namesakes().ids().ifPresent(ids -> p.setProperty("namesakes", Namesakes.encode(ids)));
        return p;
    }

    static UploadCheckpoint decode(Properties p) {
        FileIdentity id = new FileIdentity(p.getProperty("file.path"), Long.parseLong(p.getProperty("file.size")),
                Instant.parse(p.getProperty("file.modified")), p.getProperty("file.fingerprint"));
        ApplyUpload req = ApplyUpload.of(MediaName.parse(p.getProperty("media_name")), VideoFormat.parse(p.getProperty("media_type")));
        String cover = p.getProperty("cover_type");
        if (cover != null) {
            req = req.withCover(CoverFormat.parse(cover));
        }
        String ctx = p.getProperty("source_context", "");
        if (!ctx.isEmpty()) {
            req = req.withSourceContext(ctx);
        }
        List<UploadSession.RecordedPart> parts = new ArrayList<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("part.")) {
                String[] f = name.split("\\.");
                parts.add(new UploadSession.RecordedPart(ResourceType.of(Integer.parseInt(f[1])), Integer.parseInt(f[2]),
                        Etag.of(p.getProperty(name))));
            }
        }
        UploadSession session = UploadSession.restore(UploadId.of(p.getProperty("upload_id")),
                Long.parseLong(p.getProperty("video_size")), Long.parseLong(p.getProperty("cover_size")), parts);
        return new UploadCheckpoint(p.getProperty("key"), id, req, session, Instant.parse(p.getProperty("updated_at")),
                Namesakes.decode(p.getProperty("namesakes")));
    }
}
