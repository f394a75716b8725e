package org.openeps.benchmark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** A warning before a preload that will not fit: about 8 KiB a prescription (measured), most of it the message. */
final class Disk {

    static final long BYTES_PER_PRESCRIPTION = 8L * 1024;

    private Disk() {
    }

    static void warnIfShort(Postgres postgres, String database, long prescriptions, PrintStream out) {
        long needed = prescriptions * BYTES_PER_PRESCRIPTION;
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show data_directory")) {
            row.next();
            Path data = Path.of(row.getString(1));
            if (!Files.isDirectory(data)) {
                return;
            }
            long free = Files.getFileStore(data).getUsableSpace();
            if (free < needed * 3 / 2) {
                out.printf("WARNING: the preload of %,d prescriptions needs about %,d GiB (plus room for index builds);"
                        + " %s has %,d GiB free%n", prescriptions, needed >> 30, data, free >> 30);
            }
        } catch (Exception e) {
            // a remote server, or no right to look: no warning
        }
    }
}
