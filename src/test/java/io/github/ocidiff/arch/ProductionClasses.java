package io.github.ocidiff.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** Main classes only, wherever the build directory is (ArchUnit's own option expects target/). */
public final class ProductionClasses implements ImportOption {
    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/");
    }
}
