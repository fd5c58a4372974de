package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import java.util.Map;

/**
 * The options of a group that builds a simulator value (a fault plan, a generator spec): a check of that value
 * names the component it checks ("errorRate must be ..."), which a user knows by its option ("--error-rate").
 *
 * @param group   what the options are, for a message that names no component ("generator options")
 * @param options by component, the option that sets it
 */
record OptionNames(String group, Map<String, String> options) {

    /** A usage error of {@code e}'s message, its leading component given as its option. */
    OcidiffException usage(IllegalArgumentException e) {
        String message = e.getMessage();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String component = option.getKey();
            if (message.startsWith(component + " ") || message.startsWith(component + ":")) {
                return OcidiffException.usage(option.getValue() + message.substring(component.length()));
            }
        }
        return OcidiffException.usage(group + ": " + message);
    }
}
