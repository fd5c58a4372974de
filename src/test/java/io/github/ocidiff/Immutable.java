package io.github.ocidiff;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a file one nobody may write, not even root, whom permissions do not stop (the tests may run as root): what a
 * read-only mount or another user's store is to ocidiff. Needs {@code chattr} and a file system that keeps the flag;
 * a test that cannot have it is skipped.
 */
public final class Immutable {
    private Immutable() {
    }

    /** Sets or clears the flag; whether {@code file} is now as asked (false when chattr is not available). */
    public static boolean set(Path file, boolean immutable) {
        try {
            Process chattr = new ProcessBuilder("chattr", immutable ? "+i" : "-i", file.toString())
                    .redirectErrorStream(true).start();
            chattr.getInputStream().readAllBytes();
            return chattr.waitFor() == 0 && immutable != writable(file);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean writable(Path file) {
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.WRITE)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
