package io.minidrama.cli;

import io.minidrama.port.AccessToken;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.port.component.ComponentAuthorizationException;
import io.minidrama.port.component.ComponentStore;
import io.minidrama.port.component.VerifyTicket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link ComponentStore} in a directory, for the command-line tool run by one operator (a service
 * with several instances shares a Redis store instead, and the tool can use that one too):
 * {@code <dir>/<component appid>/} holds {@code ticket}, {@code component-token},
 * {@code grant-<appid>} and {@code token-<appid>}, each a small properties file readable by its
 * owner only (they hold secrets), replaced atomically. Locks are lock files ({@code lock-<name>})
 * held with an OS file lock, so two runs of the tool (or threads of one) renew a token once.
 * Refresh tokens have no expiry here either: back the directory up like any secret.
 */
final class FileComponentStore implements ComponentStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private final Path root;
    private final Duration lockWait;

    FileComponentStore(Path root, Duration lockWait) {
        this.root = Objects.requireNonNull(root, "root");
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
    }

    private Path dir(String componentAppId) {
        Path d = root.resolve(name(componentAppId, "componentAppId"));
        try {
            if (!Files.isDirectory(d)) {
                Files.createDirectories(d);
                ownerOnly(d, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the component store directory " + d, e);
        }
        return d;
    }

    private static String name(String s, String what) {
        Objects.requireNonNull(s, what);
        if (!NAME.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " must be 1..64 letters, digits, '_' or '-', got \"" + s + "\"");
        }
        return s;
    }

    private static void ownerOnly(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own access control applies
        }
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    private static void write(Path file, Properties p) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ownerOnly(tmp, "rw-------");
                p.store(out, null);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static Optional<AccessToken> token(Path file) {
        Properties p = read(file);
        if (p == null || p.getProperty("value") == null) {
            return Optional.empty();
        }
        return Optional.of(new AccessToken(p.getProperty("value"), Instant.ofEpochMilli(Long.parseLong(p.getProperty("expires_ms")))));
    }

    private static void putToken(Path file, AccessToken token) {
        Properties p = new Properties();
        p.setProperty("value", token.value());
        p.setProperty("expires_ms", Long.toString(token.expiresAt().toEpochMilli()));
        write(file, p);
    }

    @Override
    public void putTicket(String componentAppId, VerifyTicket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        Path file = dir(componentAppId).resolve("ticket");
        locked(componentAppId, "~ticket", () -> {
            Optional<VerifyTicket> held = ticket(componentAppId);
            if (held.isEmpty() || ticket.isNewerThan(held.get())) {
                Properties p = new Properties();
                p.setProperty("value", ticket.value());
                p.setProperty("created_ms", Long.toString(ticket.createdAt().toEpochMilli()));
                p.setProperty("received_ms", Long.toString(ticket.receivedAt().toEpochMilli()));
                write(file, p);
            }
            return null;
        });
    }

    @Override
    public Optional<VerifyTicket> ticket(String componentAppId) {
        Properties p = read(dir(componentAppId).resolve("ticket"));
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(new VerifyTicket(p.getProperty("value"), Instant.ofEpochMilli(Long.parseLong(p.getProperty("created_ms"))),
                Instant.ofEpochMilli(Long.parseLong(p.getProperty("received_ms")))));
    }

    @Override
    public Optional<AccessToken> componentToken(String componentAppId) {
        return token(dir(componentAppId).resolve("component-token"));
    }

    @Override
    public void putComponentToken(String componentAppId, AccessToken token) {
        putToken(dir(componentAppId).resolve("component-token"), Objects.requireNonNull(token, "token"));
    }

    @Override
    public void removeComponentToken(String componentAppId, AccessToken rejected) {
        Path file = dir(componentAppId).resolve("component-token");
        locked(componentAppId, "~component-token", () -> {
            if (token(file).filter(t -> t.equals(rejected)).isPresent()) {
                delete(file);
            }
            return null;
        });
    }

    @Override
    public Optional<AuthorizerGrant> grant(String componentAppId, String authorizerAppId) {
        Properties p = read(dir(componentAppId).resolve("grant-" + name(authorizerAppId, "authorizerAppId")));
        if (p == null) {
            return Optional.empty();
        }
        String sets = p.getProperty("sets", "");
        Set<Integer> ids = sets.isEmpty() ? Set.of()
                : Stream.of(sets.split(",")).map(String::strip).map(Integer::valueOf).collect(Collectors.toSet());
        String revoked = p.getProperty("revoked_ms");
        return Optional.of(AuthorizerGrant.restore(p.getProperty("refresh_token", ""), ids,
                revoked == null ? null : Instant.ofEpochMilli(Long.parseLong(revoked))));
    }

    @Override
    public void putGrant(String componentAppId, String authorizerAppId, AuthorizerGrant grant) {
        Objects.requireNonNull(grant, "grant");
        Properties p = new Properties();
        p.setProperty("refresh_token", grant.refreshToken());
        p.setProperty("sets", new TreeSet<>(grant.permissionSets()).stream().map(String::valueOf).collect(Collectors.joining(",")));
        grant.revokedAt().ifPresent(at -> p.setProperty("revoked_ms", Long.toString(at.toEpochMilli())));
        write(dir(componentAppId).resolve("grant-" + name(authorizerAppId, "authorizerAppId")), p);
    }

    @Override
    public List<String> authorizers(String componentAppId) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir(componentAppId))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("grant-") && !n.contains(".tmp-"))
                    .forEach(n -> out.add(n.substring("grant-".length())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir(componentAppId), e);
        }
        out.sort(null);
        return List.copyOf(out);
    }

    @Override
    public Optional<AccessToken> authorizerToken(String componentAppId, String authorizerAppId) {
        return token(dir(componentAppId).resolve("token-" + name(authorizerAppId, "authorizerAppId")));
    }

    @Override
    public void putAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken token) {
        putToken(dir(componentAppId).resolve("token-" + name(authorizerAppId, "authorizerAppId")), Objects.requireNonNull(token, "token"));
    }

    @Override
    public void removeAuthorizerToken(String componentAppId, String authorizerAppId, AccessToken rejected) {
        Path file = dir(componentAppId).resolve("token-" + name(authorizerAppId, "authorizerAppId"));
        locked(componentAppId, "~token-" + authorizerAppId, () -> {
            if (token(file).filter(t -> t.equals(rejected)).isPresent()) {
                delete(file);
            }
            return null;
        });
    }

    /** Holds a lock of this JVM and an OS file lock on {@code lock-<name>}; reentrant within a thread. */
    @Override
    public <T> T locked(String componentAppId, String name, Supplier<T> action) {
        String n = name.startsWith("~") ? "~" + name(name.substring(1), "name") : name(name, "name");
        Path file = dir(componentAppId).resolve("lock-" + n);
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
        long deadline = System.nanoTime() + lockWait.toNanos();
        boolean held;
        try {
            held = jvm.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = false;
        }
        if (!held) {
            throw ComponentAuthorizationException.lockTimeout("lock", componentAppId + "/" + name, lockWait);
        }
        try {
            if (jvm.getHoldCount() > 1) {
                return action.get();
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                while (lock == null) {
                    if (System.nanoTime() > deadline) {
                        throw ComponentAuthorizationException.lockTimeout("lock", componentAppId + "/" + name, lockWait);
                    }
                    Thread.sleep(20);
                    lock = ch.tryLock();
                }
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + file, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ComponentAuthorizationException.lockTimeout("lock", componentAppId + "/" + name, lockWait);
            }
        } finally {
            jvm.unlock();
        }
    }

    @Override
    public String toString() {
        return "FileComponentStore[" + root + "]";
    }
}
