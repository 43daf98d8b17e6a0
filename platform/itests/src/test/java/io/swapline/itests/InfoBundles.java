package io.swapline.itests;

import java.util.Map;

import io.swapline.itests.info.InfoCounterRep;

/** Implementation bundles of the {@code io.swapline.itests.info} fixtures, built at run time. */
final class InfoBundles {

    private InfoBundles() {
    }

    /**
     * A bundle that contributes {@code root} (with {@link InfoCounterRep}) and imports the API, the
     * counter's package and {@code org.osgi.framework}.
     *
     * @param ranking the {@code ranking} attribute as the manifest writes it, e.g. {@code 5} or {@code high}
     */
    static byte[] implementation(String symbolicName, String object, String interfaceName, String ranking,
            Class<?> root) {
        return TestBundles.bundle(symbolicName, "1.0.0", Map.of(
                "Import-Package", "io.swapline.api;version=\"[0.1,1)\",io.swapline.examples.counter,org.osgi.framework",
                "Provide-Capability", capability(object, interfaceName, ranking, root)), root, InfoCounterRep.class);
    }

    /** The {@code io.swapline.implementation} capability of {@code root}, as bnd writes it. */
    static String capability(String object, String interfaceName, String ranking, Class<?> root) {
        return "io.swapline.implementation;class=\"" + root.getName() + "\";object=\"" + object + "\";interface=\""
                + interfaceName + "\";ranking=\"" + ranking + "\"";
    }
}
