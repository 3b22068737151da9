package telegate.telegram.emulator;

/**
 * A nudge between the instances of a cluster that share the emulator's changes: one that
 * committed changes says so, and the others read them at once instead of at their next
 * look (which stays, as a safety net for a lost nudge).
 */
public interface ChangeSignal {

    /** No nudges: the instances only look every few hundred milliseconds. */
    ChangeSignal NONE = new ChangeSignal() {
        @Override
        public void changed() {
        }

        @Override
        public void onChange(Runnable look) {
        }
    };

    /** This instance committed changes. */
    void changed();

    /** What to run when another instance committed changes. */
    void onChange(Runnable look);
}
