;;; emacs_quickfix.el --- Eglot end to end for flake8-qiskit-migrate server  -*- lexical-binding: t -*-
;; Batch Emacs (28 with Debian's elpa-eglot, or 29+ where Eglot is built in): attach the server
;; to the buffer, wait for its Flymake diagnostics, apply the quick fix through Eglot's own
;; code-action command, and wait for the diagnostic to go.  Lines for the test go to $RESULT;
;; Emacs exits 0 when all went.

(require 'package)
(package-initialize)
(require 'eglot)
(require 'cl-lib)

(defvar qkm-lines nil)
(defun qkm-say (text) (push text qkm-lines))
(defun qkm-finish (status)
  (with-temp-file (getenv "RESULT")
    (insert (mapconcat #'identity (reverse qkm-lines) "\n") "\n"))
  (kill-emacs status))

(defun qkm-codes ()
  "The diagnostics Flymake holds, as CODE@LINE:COLUMN (0-based, in characters), sorted."
  (let (found)
    (dolist (d (flymake-diagnostics))
      (save-excursion
        (goto-char (flymake-diagnostic-beg d))
        (push (format "%s@%d:%d"
                      (if (string-match "\\(QKM[0-9]+\\)" (flymake-diagnostic-text d))
                          (match-string 1 (flymake-diagnostic-text d))
                        "?")
                      (1- (line-number-at-pos)) (current-column))
              found)))
    (mapconcat #'identity (sort found #'string<) " ")))

(defun qkm-wait (predicate seconds)
  "Wait for PREDICATE as a user who pauses: batch Emacs is never idle, so its idle timers
\(Eglot sends the buffer's changes from one) are run here."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (dolist (timer (copy-sequence timer-idle-list)) (timer-event-handler timer))
      (accept-process-output nil 0.05))
    (funcall predicate)))

;; As docs/editors.md says, with this interpreter in place of the installed command.
(add-to-list 'eglot-server-programs
             `((python-mode python-ts-mode)
               . (,(getenv "SERVER_PYTHON") "-m" "flake8_qiskit_migrate" "server")))
(setq eglot-sync-connect t)
(find-file (getenv "FILE"))
(python-mode)
(apply #'eglot (eglot--guess-contact))
(unless (qkm-wait (lambda () (flymake-diagnostics)) 30)
  (qkm-say "no diagnostics")
  (qkm-finish 1))
(qkm-say (concat "diagnostics " (qkm-codes)))

(goto-char (point-min))
(forward-line (1- (string-to-number (getenv "ROW"))))
(forward-char (string-to-number (getenv "COLUMN")))
(let ((row (line-number-at-pos))
      (before (buffer-substring (line-beginning-position) (line-end-position))))
  ;; M-x eglot-code-actions from the keyboard (so Eglot asks with `completing-read', not a
  ;; mouse menu): pick the fix by its title, as a user would.
  (cl-letf (((symbol-function 'completing-read)
             (lambda (_prompt collection &rest _)
               (dolist (item collection) (qkm-say (concat "offered " (car item))))
               (getenv "PICK"))))
    (let ((last-nonmenu-event ?\r))
      (call-interactively #'eglot-code-actions)))
  (let ((line (lambda () (save-excursion
                           (goto-char (point-min)) (forward-line (1- row))
                           (buffer-substring (line-beginning-position) (line-end-position))))))
    (unless (qkm-wait (lambda () (not (equal (funcall line) before))) 15)
      (qkm-say "not applied")
      (qkm-finish 1))
    (qkm-say (concat "line " (funcall line)))))
(let ((gone (qkm-wait (lambda () (and (flymake-diagnostics)
                                      (not (string-match-p (getenv "GONE") (qkm-codes)))))
                      15)))
  (qkm-say (concat "after " (qkm-codes)))
  (eglot-shutdown (eglot-current-server))
  (qkm-finish (if gone 0 1)))
