package io.swapline.core.stub;

/**
 * The superclass of every generated Mediator glue class: a Rep that sends each call through a
 * {@link CallMediator}. Public only because glue classes live in their own class loaders.
 */
public abstract class MediatorGlueBase {

    /** The routine every method calls. */
    protected final CallMediator mediator;

    /**
     * Called by generated constructors.
     *
     * @param mediator the mediation routine
     */
    protected MediatorGlueBase(CallMediator mediator) {
        this.mediator = mediator;
    }
}
