-- Merchants who join by chat say how their customers pay: their own Till (Buy Goods) or Paybill
-- (with an optional account), or through the operator's collection account. Null: not said
-- (merchants added before this, or by the operator).

ALTER TABLE merchants ADD COLUMN pay_route text NULL CHECK (pay_route IN ('TILL', 'PAYBILL', 'COLLECTION'));
ALTER TABLE merchants ADD COLUMN pay_number text NULL;
ALTER TABLE merchants ADD COLUMN pay_account text NULL CHECK (length(pay_account) BETWEEN 1 AND 20);
