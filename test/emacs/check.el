;;; check.el --- drives Emacs with eglot, headless, against `cpiplan lsp --stdio'  -*- lexical-binding: t -*-
;;
;; Loaded after the README's Emacs configuration (test/emacs/emacs.test.ts writes it to init.el):
;; opens the plan, lets eglot connect, waits for the diagnostics, asks for a hover, checks what came
;; back and writes it as JSON for the vitest wrapper.
;;
;; Environment: CPIPLAN_PLAN (the plan to open), CPIPLAN_RESULT (where to write the JSON),
;; CPIPLAN_EXPECT_LOCALE (it or en: the language the messages must be in).
;; Exit status 0 when every check holds; 1 otherwise, with the reasons on stderr and in the JSON.

(require 'json)
(require 'cl-lib)

(defvar cpiplan-check-failures nil)
(defvar cpiplan-check-result nil)

(defun cpiplan-check-fail (message)
  (push message cpiplan-check-failures))

(defun cpiplan-check-wait (predicate seconds)
  "Waits up to SECONDS for PREDICATE, serving the server's messages meanwhile."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(cl-defun cpiplan-check-run ()
  (find-file (getenv "CPIPLAN_PLAN"))
  (push (cons 'mode (symbol-name major-mode)) cpiplan-check-result)
  ;; `eglot-ensure' connects after the next command (post-command-hook); a batch session runs none.
  (run-hooks 'post-command-hook)
  (unless (cpiplan-check-wait (lambda () (bound-and-true-p eglot--managed-mode)) 30)
    (cpiplan-check-fail "eglot did not connect within 30 s")
    (cl-return-from cpiplan-check-run))
  (push (cons 'command (vconcat (process-command (jsonrpc--process (eglot-current-server))))) cpiplan-check-result)
  ;; Flymake asks eglot for the diagnostics when a check starts; an interactive session starts one after each command.
  (unless (cpiplan-check-wait (lambda () (flymake-start) (flymake-diagnostics)) 30)
    (cpiplan-check-fail "no diagnostics within 30 s")
    (cl-return-from cpiplan-check-run))
  (push (cons 'diagnostics
              (vconcat (mapcar (lambda (d)
                                 (save-excursion
                                   (goto-char (flymake-diagnostic-beg d))
                                   `((line . ,(line-number-at-pos)) (column . ,(current-column))
                                     (type . ,(symbol-name (flymake-diagnostic-type d)))
                                     (text . ,(flymake-diagnostic-text d)))))
                               (flymake-diagnostics))))
        cpiplan-check-result)
  ;; The hover on the line's code `3.4' (line 3, column 7), as eldoc would ask for it.
  (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                 (list :textDocument (eglot--TextDocumentIdentifier)
                                       :position (list :line 2 :character 7))))
         (contents (plist-get hover :contents)))
    (push (cons 'hover (if (stringp contents) contents (plist-get contents :value))) cpiplan-check-result)))

(condition-case error
    (cpiplan-check-run)
  (error (cpiplan-check-fail (format "%S" error))))
(push (cons 'failures (vconcat (reverse cpiplan-check-failures))) cpiplan-check-result)
(with-temp-file (getenv "CPIPLAN_RESULT")
  (insert (json-encode cpiplan-check-result)))
(when cpiplan-check-failures
  (message "%s" (mapconcat #'identity (reverse cpiplan-check-failures) "\n")))
(kill-emacs (if cpiplan-check-failures 1 0))
