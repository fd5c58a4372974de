package io.github.ocidiff.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {
    /** sha256 of "a\n" and "b\n", as {@code printf 'a\n' | sha256sum} prints them. */
    private static final String A = "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7";
    private static final String B = "0263829989b6fd954f72baaf2fc64bc2e2f01d692d4de72986ea808f6e99813f";

    /** Two files in the order a pack holds them, then their manifest, as EvidenceZip writes them. */
    private static List<PackFile> sealed() {
        List<PackFile> files = new ArrayList<>(Manifest.order(List.of(PackFile.text("b.txt", "b\n"),
                PackFile.text("a.txt", "a\n"))));
        files.add(manifest(Manifest.render(files.stream()
                .map(f -> new Manifest.Entry(f.name(), Manifest.sha256(f.bytes()))).toList())));
        return files;
    }

    private static List<PackFile> replace(List<PackFile> files, String name, PackFile with) {
        List<PackFile> copy = new ArrayList<>();
        for (PackFile f : files) {
            if (!f.name().equals(name)) {
                copy.add(f);
            } else if (with != null) {
                copy.add(with);
            }
        }
        return copy;
    }

    private static PackFile manifest(String text) {
        return PackFile.text(Manifest.FILE_NAME, text);
    }

    @Test
    void theManifestIsSha256sumsFormatSortedByPathAndWrittenLast() {
        List<PackFile> files = sealed();
        assertThat(files).extracting(PackFile::name).containsExactly("a.txt", "b.txt", "MANIFEST.sha256");
        assertThat(new String(files.get(2).bytes(), StandardCharsets.UTF_8))
                .isEqualTo(A + "  a.txt\n" + B + "  b.txt\n");
        assertThat(Manifest.sha256("a\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(A);
    }

    @Test
    void anIntactPackHasNoProblem() {
        Manifest.Check check = Manifest.check(sealed());
        assertThat(check.intact()).isTrue();
        assertThat(check.problems()).isEmpty();
        assertThat(check.files()).isEqualTo(2);
    }

    @Test
    void aChangedByteIsAnAlteredFileWithBothHashes() {
        List<PackFile> files = replace(sealed(), "b.txt", PackFile.text("b.txt", "B\n"));
        Manifest.Check check = Manifest.check(files);
        assertThat(check.intact()).isFalse();
        assertThat(check.problems()).containsExactly("altered: b.txt (its SHA-256 is "
                + Manifest.sha256("B\n".getBytes(StandardCharsets.UTF_8)) + ", MANIFEST.sha256 says " + B + ")");
    }

    @Test
    void aRemovedFileIsMissingAndAnAddedOneIsExtra() {
        List<PackFile> files = replace(sealed(), "a.txt", null);
        files.add(PackFile.text("notes/c.txt", "c\n"));
        assertThat(Manifest.check(files).problems()).containsExactly(
                "missing: a.txt (listed in MANIFEST.sha256, not in the pack)",
                "extra: notes/c.txt (in the pack, not listed in MANIFEST.sha256)");
    }

    @Test
    void withoutAManifestThereIsNothingToCheckAgainst() {
        List<PackFile> files = replace(sealed(), Manifest.FILE_NAME, null);
        assertThat(Manifest.check(files).problems())
                .containsExactly("missing: MANIFEST.sha256 (nothing to check the files against)");
    }

    @Test
    void malformedManifestLinesAreNamedByNumber() {
        List<PackFile> files = replace(sealed(), Manifest.FILE_NAME, manifest(A + "  a.txt\n"
                + "not a line\n"
                + B + " b.txt\n"
                + A + "  ../etc/passwd\n"
                + A + "  a.txt\n"
                + A + "  MANIFEST.sha256\n"));
        assertThat(Manifest.check(files).problems()).containsExactly(
                "malformed: MANIFEST.sha256 line 2 (not '<64 hex digits>  <path>')",
                "malformed: MANIFEST.sha256 line 3 (not '<64 hex digits>  <path>')",
                "malformed: MANIFEST.sha256 line 4 lists ../etc/passwd (a '..' segment leads outside the pack)",
                "malformed: MANIFEST.sha256 line 5 lists a.txt again",
                "malformed: MANIFEST.sha256 line 6 lists the manifest itself",
                "extra: b.txt (in the pack, not listed in MANIFEST.sha256)");
    }

    @Test
    void sha256sumsBinaryMarkerAndUpperCaseHashesAreAccepted() {
        List<PackFile> files = replace(sealed(), Manifest.FILE_NAME, manifest(A.toUpperCase() + " *a.txt\n" + B + "  b.txt"));
        assertThat(Manifest.check(files).problems()).isEmpty();
    }

    @Test
    void anEmptyOrNonUtf8ManifestIsMalformed() {
        assertThat(Manifest.check(replace(sealed(), Manifest.FILE_NAME, manifest(""))).problems())
                .contains("malformed: MANIFEST.sha256 (empty: it lists no file)");
        PackFile binary = PackFile.of(Manifest.FILE_NAME, new byte[] {(byte) 0xff, (byte) 0xfe, 0x0a});
        assertThat(Manifest.check(replace(sealed(), Manifest.FILE_NAME, binary)).problems())
                .contains("malformed: MANIFEST.sha256 (not UTF-8 text)");
    }

    @Test
    void unsafeAndDuplicateEntriesAreRejected() {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (PackFile f : sealed()) {
            entries.add(new Manifest.Entry(f.name(), Manifest.sha256(f.bytes())));
        }
        entries.add(new Manifest.Entry("../evil.sh", A));
        entries.add(new Manifest.Entry("/etc/cron.d/evil", A));
        entries.add(new Manifest.Entry("C:/Windows/evil", A));
        entries.add(new Manifest.Entry("a\\..\\evil", A));
        entries.add(new Manifest.Entry("a.txt", B));
        entries.add(new Manifest.Entry("docs/", null));
        byte[] manifest = sealed().get(2).bytes();
        assertThat(Manifest.check(entries, manifest).problems()).containsExactly(
                "unsafe: ../evil.sh (a '..' segment leads outside the pack)",
                "unsafe: /etc/cron.d/evil (an absolute path)",
                "unsafe: C:/Windows/evil (an absolute path)",
                "unsafe: a\\..\\evil (a backslash in the name)",
                "duplicate: a.txt (the pack holds more than one entry of that name)");
    }

    @Test
    void anEntryTheZipCannotReadIsAltered() {
        List<Manifest.Entry> entries = List.of(new Manifest.Entry("a.txt", null, "invalid entry CRC"),
                new Manifest.Entry("b.txt", B), new Manifest.Entry(Manifest.FILE_NAME, "00"));
        assertThat(Manifest.check(entries, sealed().get(2).bytes()).problems())
                .containsExactly("altered: a.txt (unreadable: invalid entry CRC)");
    }

    @Test
    void packFileNamesMustBeSafeAndUnique() {
        assertThatThrownBy(() -> PackFile.text("../x", "")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> Manifest.order(List.of(PackFile.text("a", ""), PackFile.text("a", ""))))
                .hasMessageContaining("pack file a given twice");
        assertThatThrownBy(() -> Manifest.order(List.of(PackFile.text(Manifest.FILE_NAME, ""))))
                .hasMessageContaining("cannot list itself");
    }
}
