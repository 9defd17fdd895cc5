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
import java.io.InputStream;
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
 * The default {@link UploadCheckpointPort}: one small properties file per checkpoint in a
 * directory the caller chooses.
 *
 * <p>Each save writes a temporary file in the same directory, forces it to disk and renames it
 * over the old one (an atomic move), so a crash leaves the old or the new checkpoint, never a torn
 * one. Saves for one key are serialised within the JVM by a lock and across processes by a file
 * lock on a sibling {@code .lock} file; a save merges the parts already stored for the same
 * upload id, so parts recorded by concurrent savers are never lost. File names are the SHA-256 of
 * the key. Thread-safe.
 */
public final class FileUploadCheckpoints implements UploadCheckpointPort {
    private static final System.Logger LOG = System.getLogger(FileUploadCheckpoints.class.getName());
    private static final String SUFFIX = ".checkpoint";
    private final Path dir;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

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
            return read(fileOf(key));
        } catch (IOException e) {
            throw CheckpointStorageException.inStore("read the checkpoint of " + key + " in " + dir, e);
        }
    }

    @Override
    public void save(UploadCheckpoint checkpoint) {
        withLock(checkpoint.key(), () -> {
            Path file = fileOf(checkpoint.key());
            UploadCheckpoint toWrite = checkpoint;
            Optional<UploadCheckpoint> stored = read(file);
            if (stored.isPresent() && stored.get().session().sameUpload(checkpoint.session())) {
                toWrite = checkpoint.withSession(stored.get().session().mergedWith(checkpoint.session()), checkpoint.updatedAt());
            }
            write(file, toWrite);
        });
    }

    @Override
    public void delete(String key) {
        withLock(key, () -> Files.deleteIfExists(fileOf(key)));
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

    private static Optional<UploadCheckpoint> read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(p));
        } catch (RuntimeException e) {
            // Writes are atomic, so this is a foreign or hand-edited file: starting over is safe.
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable upload checkpoint " + file + ": " + e);
            return Optional.empty();
        }
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
