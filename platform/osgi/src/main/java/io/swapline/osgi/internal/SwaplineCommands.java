package io.swapline.osgi.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The extender's Gogo commands, scope {@code swapline}: registered as a plain service with the
 * {@code osgi.command.*} properties, so the extender needs no Gogo import. Commands run on the
 * shell's thread.
 */
public final class SwaplineCommands {

    /** The command scope. */
    static final String SCOPE = "swapline";
    /** The command functions: public methods of this class. */
    static final String[] FUNCTIONS = {"list"};

    private final PublishedObjects objects;

    SwaplineCommands(PublishedObjects objects) {
        this.objects = objects;
    }

    /**
     * {@code swapline:list}: one line per clustered object — name, interface, serving bundle and
     * version, root kind, slots in use, completed swaps.
     *
     * @return the lines, a header first
     */
    public List<String> list() {
        List<String> lines = new ArrayList<>();
        lines.add("object | interface | implementation bundle | kind | slots | swaps");
        lines.addAll(objects.describe());
        return lines;
    }
}
