package io.swapline.osgi.config;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Binds the metatype of {@link PlatformConfiguration} and {@link ObjectConfiguration} to their
 * PIDs, so that a metatype service (the Web Console, Karaf) shows the configurations with their
 * types, ranges and descriptions.
 *
 * <p>Why a DS annotation in a bundle without DS: bnd writes a {@code <Designate>} only for a class
 * that carries both {@code @Designate} and {@code @Component}, whose {@code configurationPid} gives
 * the PID (bnd's {@code DesignateReader}). These two classes carry both and nothing else; the
 * extender's {@code bnd.bnd} excludes every class from DS processing ({@code -dsannotations: !*}),
 * so no component is declared and the bundle needs no SCR. Both annotations are CLASS-retained:
 * nothing here is loaded at run time.
 */
final class MetatypeDesignations {

    private MetatypeDesignations() {
    }

    /** {@value PlatformConfiguration#PID}, a singleton configuration. */
    @Component(configurationPid = PlatformConfiguration.PID)
    @Designate(ocd = PlatformConfiguration.class)
    static final class Platform {
        private Platform() {
        }
    }

    /** {@value ObjectConfiguration#FACTORY_PID}, a factory configuration per object. */
    @Component(configurationPid = ObjectConfiguration.FACTORY_PID)
    @Designate(ocd = ObjectConfiguration.class, factory = true)
    static final class PerObject {
        private PerObject() {
        }
    }
}
