package io.swapline.core.transfer;

/**
 * No transfer protocol fits two roots: {@link StateTransfer#transferDetached} exported and
 * imported nothing. The message is the negotiation's reason, naming both sides' protocols and why
 * each common bit was skipped.
 */
public final class TransferRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * Creates the exception.
     *
     * @param reason the negotiation's {@linkplain ProtocolNegotiation.Result#refusal() refusal}
     */
    public TransferRefusedException(String reason) {
        super("state transfer refused: " + reason);
        this.reason = reason;
    }

    /**
     * Why no protocol fits.
     *
     * @return the negotiation's refusal
     */
    public String reason() {
        return reason;
    }
}
